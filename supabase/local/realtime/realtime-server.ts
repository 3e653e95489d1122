/**
 * `/realtime/v1/websocket`: the Phoenix protocol as supabase/realtime speaks it (serializers 1.0.0
 * and 2.0.0), with postgres_changes under RLS, broadcast and presence between clients on a topic, and
 * private channels authorised by the RLS policies on realtime.messages (see authorization.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { decodeJwt } from 'jose';
import { verifyJwt, JwtError, type Claims } from '../jwt.ts';
import type { StackContext, WebSocketApi } from '../stack-context.ts';
import { authorizeRead, authorizeWrite, noPolicies, PolicyError, type Extension, type Policies } from './authorization.ts';
import { startBroadcastFromDatabase, type DatabaseBroadcast } from './broadcast-from-database.ts';
import { startChangeCapture } from './change-capture.ts';
import {
  BindingRegistry,
  bindingId,
  createFanout,
  MAX_BYTES_PER_TURN,
  MAX_DELIVERIES_PER_TURN,
  type PgBinding,
  type PgSubscriber,
} from './fanout.ts';
import { FilterError, parseFilter } from './filters.ts';
import { installRealtimePlatform } from './platform.ts';
import { PresenceTopic, type PresenceDiff } from './presence.ts';
import { byteLimit, createSendBudget, type SendBudgetStats } from './send-budget.ts';
import {
  decodeBinary,
  decodeText,
  encodeBroadcast,
  encodeText,
  encodeTextRaw,
  ProtocolError,
  type BroadcastMessage,
  type InboundFrame,
  type Vsn,
} from './protocol.ts';
import { claimsGroupKey, roleOf } from './visibility.ts';

export interface RealtimeOptions {
  /** A socket silent for this long is dropped (clients heartbeat every 25 s); env REALTIME_IDLE_TIMEOUT_MS. */
  idleTimeoutMs?: number;
  /** Largest websocket frame; a bigger one closes the socket (1009). */
  maxMessageBytes?: number;
  maxChannelsPerSocket?: number;
  maxJoinsPerSecond?: number;
  /** Largest presence meta (JSON bytes) one `track` may carry. */
  maxPresenceBytes?: number;
  /** Channels of one socket that may hold a tracked presence at the same time. */
  maxTrackedPerSocket?: number;
  /** A socket that falls this far behind is closed; its client reconnects and resyncs. env REALTIME_MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
  /**
   * Most unsent output all sockets together may hold; past it the slowest sockets are closed (their
   * clients reconnect and resync). env REALTIME_MAX_BUFFERED_TOTAL_BYTES.
   */
  maxBufferedTotalBytes?: number;
  onError?: (err: unknown) => void;
}

export interface RealtimeApi extends WebSocketApi {
  /** Cuts every websocket as a network failure would (tests and benchmarks). */
  dropConnections(): void;
  /** Resolves once every change committed so far has been handed to the sockets. */
  flush(): Promise<void>;
  stats(): { sockets: number; channels: number; bindings: number; backpressure: SendBudgetStats };
}

const MAX_PENDING_FRAMES = 200;
/** Unsent output one socket may hold: about 20,000 change messages of the app's size. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/**
 * Unsent output all sockets may hold together. Counted per socket, so a frame shared by 5,000
 * sockets counts 5,000 times (the process holds it once, plus a small write record per socket).
 */
export const MAX_BUFFERED_TOTAL_BYTES = 256 * 1024 * 1024;
/** Every message is one frame: 1 MiB is far above anything the app sends and bounds what one frame costs. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** supabase/realtime's default (TENANT_MAX_CHANNELS_PER_CLIENT). */
export const MAX_CHANNELS_PER_SOCKET = 100;
export const MAX_JOINS_PER_SECOND = 50;
/**
 * Presence fans out to every member of a room, so its cost is members² × size: 150 sockets tracking
 * 4 KB each made 88 MB of output in under 3 s. The app tracks a name (tens of bytes); supabase/realtime
 * only caps a track at the 3 MB message limit.
 */
export const MAX_PRESENCE_BYTES = 2 * 1024;
/** The app tracks one room per screen; a socket tracking in many rooms at once is not a screen. */
export const MAX_TRACKED_PER_SOCKET = 10;
/** supabase/realtime's client presence rate limit (max_calls 5 in window_ms 30 000), per channel. */
const PRESENCE_CALLS_PER_WINDOW = 5;
const PRESENCE_WINDOW_MS = 30_000;
const BOTH_EXTENSIONS: readonly Extension[] = ['broadcast', 'presence'];

class AuthError extends Error {}

async function authorize(token: string, secret: string): Promise<Claims> {
  let claims: Claims;
  try {
    claims = await verifyJwt(token, secret);
  } catch (err) {
    if (err instanceof JwtError && err.message === 'JWT expired') {
      let exp = 0;
      try {
        exp = Number(decodeJwt(token).exp ?? 0);
      } catch {
        exp = 0;
      }
      throw new AuthError(`Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - exp)} seconds ago`);
    }
    throw new AuthError('Failed to validate JWT signature');
  }
  if (typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    throw new AuthError('Fields `role` and `exp` are required in JWT');
  }
  return claims;
}

interface Channel {
  socket: ClientSocket;
  topic: string;
  subTopic: string;
  /** Broadcast and presence are shared within a room: the topic, kept apart for public and private joins. */
  room: string;
  private: boolean;
  /** Private channels only: what the policies allowed so far. */
  policies: Policies;
  presenceCalls: { count: number; resetAt: number };
  joinRef: string | null;
  token: string;
  subscriber: PgSubscriber;
  bindings: PgBinding[];
  selfBroadcast: boolean;
  ack: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  expiry?: NodeJS.Timeout;
}

interface ClientSocket {
  ws: WebSocket;
  /** The TCP socket under `ws`: corked while one fan-out writes to it, so its frames leave in one write. */
  raw: Duplex;
  corked: boolean;
  vsn: Vsn;
  apikey: string;
  channels: Map<string, Channel>;
  lastSeen: number;
  joins: number[];
  queue: Promise<void>;
  pending: number;
}

export async function createRealtime(ctx: StackContext, options: RealtimeOptions = {}): Promise<RealtimeApi> {
  const idleTimeoutMs = options.idleTimeoutMs ?? Number(process.env.REALTIME_IDLE_TIMEOUT_MS ?? 60_000);
  const maxChannels = options.maxChannelsPerSocket ?? MAX_CHANNELS_PER_SOCKET;
  const maxJoinsPerSecond = options.maxJoinsPerSecond ?? MAX_JOINS_PER_SECOND;
  const maxPresenceBytes = options.maxPresenceBytes ?? MAX_PRESENCE_BYTES;
  const maxTracked = options.maxTrackedPerSocket ?? MAX_TRACKED_PER_SOCKET;
  const maxBuffered =
    options.maxBufferedBytes ?? byteLimit(process.env.REALTIME_MAX_BUFFERED_BYTES, MAX_BUFFERED_BYTES, 'REALTIME_MAX_BUFFERED_BYTES');
  const maxBufferedTotal =
    options.maxBufferedTotalBytes ??
    byteLimit(process.env.REALTIME_MAX_BUFFERED_TOTAL_BYTES, MAX_BUFFERED_TOTAL_BYTES, 'REALTIME_MAX_BUFFERED_TOTAL_BYTES');
  const onError =
    options.onError ??
    ((err: unknown) => {
      process.stderr.write(`realtime: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    });
  const secret = ctx.config.jwtSecret;
  const sockets = new Set<ClientSocket>();
  const topics = new Map<string, Set<Channel>>();
  const presence = new Map<string, PresenceTopic>();
  const registry = new BindingRegistry();
  // A reader too slow for what it is sent is cut as a network failure would cut it (no close frame:
  // one would wait behind everything unsent), which frees its output at once; it reconnects and resyncs.
  const budget = createSendBudget<ClientSocket>(
    { perSocketBytes: maxBuffered, totalBytes: maxBufferedTotal },
    () => sockets,
    (s) => (s.ws.readyState === s.ws.OPEN ? s.ws.bufferedAmount : 0),
    (s) => s.ws.terminate(),
  );

  await installRealtimePlatform(ctx.db);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? MAX_FRAME_BYTES });
  // One turn's output stays a small part of the total budget, so that sockets reading at full
  // speed are never the ones holding most when the budget is measured.
  const fanoutLimits = { deliveriesPerTurn: MAX_DELIVERIES_PER_TURN, bytesPerTurn: Math.min(MAX_BYTES_PER_TURN, Math.floor(maxBufferedTotal / 8)) };
  const capture = await startChangeCapture(ctx.db, createFanout(ctx.db, registry, onError, fanoutLimits), { onError });
  const fromDatabase = await startBroadcastFromDatabase(ctx.db, (messages) => deliverFromDatabase(messages), { onError });

  /**
   * Sends one frame: a string or a text frame already encoded (`text`) as text, any other Buffer as
   * binary. Frames sent to a socket in one turn of the event loop (a drain's fan-out, a presence
   * diff) are gathered by corking the TCP socket until the turn ends: one write instead of one per frame.
   */
  function sendRaw(s: ClientSocket, data: string | Buffer, text = typeof data === 'string'): void {
    if (s.ws.readyState !== s.ws.OPEN) return;
    if (!budget.admit(s)) return;
    if (!s.corked) {
      s.corked = true;
      s.raw.cork();
      process.nextTick(() => {
        s.corked = false;
        s.raw.uncork();
      });
    }
    s.ws.send(data, { binary: !text });
    budget.sent(typeof data === 'string' ? data.length : data.byteLength);
  }

  function push(s: ClientSocket, joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown) {
    sendRaw(s, encodeText(s.vsn, joinRef, ref, topic, event, payload));
  }

  function reply(s: ClientSocket, f: InboundFrame, status: 'ok' | 'error', response: Record<string, unknown>) {
    push(s, f.joinRef, f.ref, f.topic, 'phx_reply', { status, response });
  }

  function system(ch: Channel, extension: string, status: 'ok' | 'error', message: string) {
    push(ch.socket, ch.joinRef, null, ch.topic, 'system', { extension, status, message, channel: ch.subTopic });
  }

  const unauthorizedRead = (subTopic: string) => `You do not have permissions to read from this Channel topic: ${subTopic}`;

  /** Public channels have no policies: everyone on the topic receives. */
  const canReadPresence = (ch: Channel) => !ch.private || ch.policies.presence.read === true;
  const canReadBroadcast = (ch: Channel) => !ch.private || ch.policies.broadcast.read === true;

  function broadcastPresence(room: string, diff: PresenceDiff) {
    for (const ch of topics.get(room) ?? []) {
      if (ch.presenceEnabled && canReadPresence(ch)) push(ch.socket, ch.joinRef, null, ch.topic, 'presence_diff', diff);
    }
  }

  function removeChannel(ch: Channel, notifyClient: boolean) {
    const s = ch.socket;
    if (s.channels.get(ch.topic) !== ch) return;
    s.channels.delete(ch.topic);
    clearTimeout(ch.expiry);
    for (const b of ch.bindings) registry.remove(b);
    const members = topics.get(ch.room);
    members?.delete(ch);
    if (members && !members.size) topics.delete(ch.room);
    const p = presence.get(ch.room);
    const diff = p?.untrack(ch);
    if (diff) broadcastPresence(ch.room, diff);
    if (p && !p.size && !topics.has(ch.room)) presence.delete(ch.room);
    if (notifyClient) push(s, ch.joinRef, ch.joinRef, ch.topic, 'phx_close', {});
  }

  /** Ends a channel the way supabase/realtime does when its token goes bad. */
  function shutdownChannel(ch: Channel, message: string) {
    system(ch, 'system', 'error', message);
    removeChannel(ch, true);
  }

  const isOpen = (ch: Channel) => sockets.has(ch.socket) && ch.socket.channels.get(ch.topic) === ch;

  function armExpiry(ch: Channel, claims: Claims) {
    clearTimeout(ch.expiry);
    const ms = Number(claims.exp) * 1000 - Date.now();
    ch.expiry = setTimeout(() => shutdownChannel(ch, 'Token has expired 0 seconds ago'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    ch.expiry.unref();
  }

  /**
   * Read permissions of a private join, as supabase/realtime's maybe_assign_policies: presence is
   * checked only when the join enables it; a policy that raises counts as "not allowed".
   */
  async function readPolicies(subTopic: string, claims: Claims, presenceEnabled: boolean): Promise<Policies | undefined> {
    try {
      return await authorizeRead(ctx.db, subTopic, claims, presenceEnabled ? BOTH_EXTENSIONS : ['broadcast'], noPolicies());
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      onError(err.original);
      return undefined;
    }
  }

  /** Write permissions are asked when first needed (a track or a broadcast), then kept until the token changes. */
  async function ensureWritePolicies(ch: Channel): Promise<boolean> {
    if (ch.policies.broadcast.write !== undefined && ch.policies.presence.write !== undefined) return true;
    let policies = ch.policies;
    try {
      if (policies.presence.read === undefined) {
        policies = await authorizeRead(ctx.db, ch.subTopic, ch.subscriber.claims, ['presence'], policies);
      }
      policies = await authorizeWrite(ctx.db, ch.subTopic, ch.subscriber.claims, BOTH_EXTENSIONS, policies);
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      onError(err.original);
      return false;
    }
    if (isOpen(ch)) ch.policies = policies;
    return true;
  }

  async function join(s: ClientSocket, f: InboundFrame) {
    if (!f.topic.startsWith('realtime:')) return reply(s, f, 'error', { reason: 'unmatched topic' });
    const subTopic = f.topic.slice('realtime:'.length);
    if (!subTopic) return reply(s, f, 'error', { reason: 'TopicNameRequired: You must provide a topic name' });
    const now = Date.now();
    s.joins = s.joins.filter((t) => now - t < 1000);
    s.joins.push(now);
    if (s.joins.length > maxJoinsPerSecond) return reply(s, f, 'error', { reason: 'ClientJoinRateLimitReached: Too many joins per second' });
    const existing = s.channels.get(f.topic);
    if (!existing && s.channels.size >= maxChannels) return reply(s, f, 'error', { reason: 'ChannelRateLimitReached: Too many channels' });

    const config = (typeof f.payload.config === 'object' && f.payload.config !== null ? f.payload.config : {}) as {
      broadcast?: { self?: unknown; ack?: unknown };
      presence?: { key?: unknown; enabled?: unknown };
      postgres_changes?: unknown;
      private?: unknown;
    };
    const isPrivate = config.private === true;
    const presenceEnabled = config.presence?.enabled === true;
    const token = typeof f.payload.access_token === 'string' ? f.payload.access_token : s.apikey;
    let claims: Claims;
    try {
      claims = await authorize(token, secret);
    } catch (err) {
      if (err instanceof AuthError) return reply(s, f, 'error', { reason: err.message });
      throw err;
    }
    let policies = noPolicies();
    if (isPrivate) {
      const read = await readPolicies(subTopic, claims, presenceEnabled);
      if (!read || !(read.broadcast.read || read.presence.read)) {
        return reply(s, f, 'error', { reason: `Unauthorized: ${unauthorizedRead(subTopic)}` });
      }
      policies = read;
    }
    // The socket may have gone while the database answered.
    if (!sockets.has(s)) return;
    // Phoenix semantics: a second join of the same topic replaces the first.
    const previous = s.channels.get(f.topic);
    if (previous) removeChannel(previous, true);

    const specs = Array.isArray(config.postgres_changes) ? (config.postgres_changes as unknown[]) : [];
    const role = roleOf(claims);
    const subscriber: PgSubscriber = {
      role,
      claims,
      groupKey: claimsGroupKey(claims),
      frameKey: `${s.vsn}\u0000${f.topic}`,
      encode: (payloadJson) => Buffer.from(encodeTextRaw(s.vsn, f.topic, 'postgres_changes', payloadJson), 'utf8'),
      // The fan-out yields between chunks of a drain: a channel left meanwhile gets nothing more.
      send: (frame) => {
        if (isOpen(ch)) sendRaw(s, frame, true);
      },
    };
    const ch: Channel = {
      socket: s,
      topic: f.topic,
      subTopic,
      // Like supabase/realtime's tenant topics: a public join never shares a room with private ones.
      room: `${isPrivate ? 'private' : 'public'}:${subTopic}`,
      private: isPrivate,
      policies,
      presenceCalls: { count: 0, resetAt: 0 },
      joinRef: f.joinRef ?? f.ref,
      token,
      subscriber,
      bindings: [],
      selfBroadcast: config.broadcast?.self === true,
      ack: config.broadcast?.ack === true,
      presenceKey: typeof config.presence?.key === 'string' && config.presence.key ? config.presence.key : crypto.randomUUID(),
      presenceEnabled,
    };
    const echoed: Array<Record<string, unknown>> = [];
    const problems: string[] = [];
    const tables = capture.tables();
    const ids = new Set<number>();
    for (const spec of specs) {
      const p = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
      const event = typeof p.event === 'string' ? p.event.toUpperCase() : '';
      const schema = typeof p.schema === 'string' ? p.schema : '';
      const table = typeof p.table === 'string' && p.table ? p.table : '*';
      const id = bindingId({ event, schema, table, filter: typeof p.filter === 'string' ? p.filter : undefined }, ids);
      ids.add(id);
      echoed.push({ ...p, id });
      try {
        if (!['*', 'INSERT', 'UPDATE', 'DELETE'].includes(event)) throw new FilterError(`unknown event "${String(p.event)}"`);
        if (!schema) throw new FilterError('schema is required');
        const filters = parseFilter(typeof p.filter === 'string' ? p.filter : undefined);
        const meta = [...tables.values()].find((m) => m.schema === schema && m.table === table);
        for (const c of filters) {
          if (meta && !meta.types.has(c.column)) throw new FilterError(`column "${c.column}" does not exist on ${schema}.${table}`);
        }
        const binding: PgBinding = { id, event: event as PgBinding['event'], schema, table, filters, subscriber };
        ch.bindings.push(binding);
      } catch (err) {
        if (!(err instanceof FilterError)) throw err;
        problems.push(err.message);
      }
    }
    s.channels.set(f.topic, ch);
    let members = topics.get(ch.room);
    if (!members) topics.set(ch.room, (members = new Set()));
    members.add(ch);
    for (const b of ch.bindings) registry.add(b);
    armExpiry(ch, claims);

    reply(s, f, 'ok', specs.length ? { postgres_changes: echoed } : {});
    if (specs.length) {
      if (problems.length) {
        system(ch, 'postgres_changes', 'error', `Unable to subscribe to changes with given parameters: ${problems.join('; ')}`);
      } else {
        system(ch, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL');
      }
    }
    if (ch.presenceEnabled && canReadPresence(ch)) push(s, ch.joinRef, null, f.topic, 'presence_state', presence.get(ch.room)?.state() ?? {});
  }

  async function accessToken(ch: Channel, f: InboundFrame) {
    const token = f.payload.access_token;
    if (typeof token !== 'string' || token === ch.token) return;
    let claims: Claims;
    try {
      claims = await authorize(token, secret);
    } catch (err) {
      if (err instanceof AuthError) return shutdownChannel(ch, err.message);
      throw err;
    }
    if (ch.private) {
      // As supabase/realtime on a new token: policies are evaluated again from scratch (write ones
      // when next needed), and losing a read permission the old token had ends the channel.
      const previous = ch.policies;
      const read = await readPolicies(ch.subTopic, claims, ch.presenceEnabled);
      if (!isOpen(ch)) return;
      if (!read || !(read.broadcast.read || read.presence.read)) return shutdownChannel(ch, unauthorizedRead(ch.subTopic));
      const revoked = (before?: boolean, after?: boolean) => before === true && after === false;
      if (revoked(previous.broadcast.read, read.broadcast.read) || revoked(previous.presence.read, read.presence.read)) {
        return shutdownChannel(ch, `You no longer have permission to read from this Channel topic: ${ch.subTopic}`);
      }
      ch.policies = read;
    }
    ch.token = token;
    ch.subscriber.claims = claims;
    ch.subscriber.role = roleOf(claims);
    ch.subscriber.groupKey = claimsGroupKey(claims);
    armExpiry(ch, claims);
    if (ch.bindings.length) system(ch, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL');
  }

  async function broadcast(ch: Channel, f: InboundFrame, msg: BroadcastMessage) {
    if (ch.private) {
      await ensureWritePolicies(ch);
      // supabase/realtime drops a broadcast the policies do not allow without a reply, even with ack.
      if (ch.policies.broadcast.write !== true) return;
    }
    for (const other of topics.get(ch.room) ?? []) {
      if (other === ch && !ch.selfBroadcast) continue;
      if (!canReadBroadcast(other)) continue;
      const data = encodeBroadcast(other.socket.vsn, ch.topic, msg);
      if (data !== undefined) sendRaw(other.socket, data);
    }
    if (ch.ack) reply(ch.socket, f, 'ok', {});
  }

  /**
   * Broadcast from Database, as supabase/realtime's BatchBroadcast sends a stored message: to the
   * private or the public room of its topic, to every member allowed to read broadcast there (checked
   * at join and on each new token), with the message id in `meta`.
   */
  function deliverFromDatabase(messages: DatabaseBroadcast[]) {
    for (const m of messages) {
      const members = topics.get(`${m.private ? 'private' : 'public'}:${m.topic}`);
      if (!members) continue;
      const body = `{"type":"broadcast","event":${JSON.stringify(m.event)},"payload":${m.payloadJson},"meta":{"id":${JSON.stringify(m.id)}}}`;
      // Encoded once per serializer: a hundred wall screens on one topic cost two encodings.
      const frames = new Map<Vsn, string>();
      for (const ch of members) {
        if (!canReadBroadcast(ch)) continue;
        const vsn = ch.socket.vsn;
        let frame = frames.get(vsn);
        if (frame === undefined) frames.set(vsn, (frame = encodeTextRaw(vsn, ch.topic, 'broadcast', body)));
        sendRaw(ch.socket, frame);
      }
    }
  }

  /** supabase/realtime's limit_client_presence_event: a few presence messages per window per channel. */
  function presenceCallAllowed(ch: Channel): boolean {
    const now = Date.now();
    if (now > ch.presenceCalls.resetAt) {
      ch.presenceCalls = { count: 1, resetAt: now + PRESENCE_WINDOW_MS };
      return true;
    }
    if (ch.presenceCalls.count >= PRESENCE_CALLS_PER_WINDOW) return false;
    ch.presenceCalls.count++;
    return true;
  }

  function trackedBy(s: ClientSocket): number {
    let n = 0;
    for (const other of s.channels.values()) if (presence.get(other.room)?.has(other)) n++;
    return n;
  }

  async function presenceEvent(ch: Channel, f: InboundFrame) {
    const event = typeof f.payload.event === 'string' ? f.payload.event.toLowerCase() : '';
    if (!presenceCallAllowed(ch)) return reply(ch.socket, f, 'error', { reason: 'Client presence rate limit exceeded' });
    if (event === 'track') {
      if (ch.private) {
        const checked = await ensureWritePolicies(ch);
        if (!isOpen(ch)) return;
        // supabase/realtime answers a refused track with a bare error reply.
        if (!checked || ch.policies.presence.write !== true) return reply(ch.socket, f, 'error', {});
      }
      const meta = f.payload.payload ?? {};
      if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
        return reply(ch.socket, f, 'error', { reason: 'Presence track payload must be a map' });
      }
      if (Buffer.byteLength(JSON.stringify(meta)) > maxPresenceBytes) {
        return reply(ch.socket, f, 'error', { reason: 'Track message size exceeded' });
      }
      let p = presence.get(ch.room);
      if (!p) presence.set(ch.room, (p = new PresenceTopic()));
      if (!p.has(ch) && trackedBy(ch.socket) >= maxTracked) {
        return reply(ch.socket, f, 'error', { reason: `PresenceLimitReached: Too many presences tracked on this connection (${maxTracked})` });
      }
      if (!ch.presenceEnabled) {
        ch.presenceEnabled = true;
        if (canReadPresence(ch)) push(ch.socket, ch.joinRef, null, ch.topic, 'presence_state', p.state());
      }
      const diff = p.track(ch, ch.presenceKey, meta as Record<string, unknown>);
      reply(ch.socket, f, 'ok', {});
      if (diff) broadcastPresence(ch.room, diff);
    } else if (event === 'untrack') {
      const diff = presence.get(ch.room)?.untrack(ch);
      reply(ch.socket, f, 'ok', {});
      if (diff) broadcastPresence(ch.room, diff);
    } else {
      reply(ch.socket, f, 'error', { reason: 'unknown_presence_event' });
    }
  }

  async function handleFrame(s: ClientSocket, f: InboundFrame, binary?: BroadcastMessage) {
    if (f.topic === 'phoenix') {
      if (f.event === 'heartbeat') return reply(s, f, 'ok', {});
      return reply(s, f, 'error', { reason: 'unmatched topic' });
    }
    if (f.event === 'phx_join') return join(s, f);
    const ch = s.channels.get(f.topic);
    if (!ch) {
      if (f.event === 'phx_leave') return reply(s, f, 'ok', {});
      return reply(s, f, 'error', { reason: 'unmatched topic' });
    }
    switch (f.event) {
      case 'phx_leave':
        reply(s, f, 'ok', {});
        return removeChannel(ch, false);
      case 'access_token':
        return accessToken(ch, f);
      case 'broadcast': {
        if (binary) return broadcast(ch, f, binary);
        const event = f.payload.event;
        if (typeof event !== 'string') return reply(s, f, 'error', { reason: 'invalid_payload' });
        return broadcast(ch, f, { event, payload: { kind: 'json', value: f.payload.payload } });
      }
      case 'presence':
        return presenceEvent(ch, f);
      default:
        // supabase/realtime ignores unknown events; an error reply tells a confused client sooner.
        return reply(s, f, 'error', { reason: `unknown event ${f.event}` });
    }
  }

  function onMessage(s: ClientSocket, data: RawData, isBinary: boolean) {
    s.lastSeen = Date.now();
    let frame: InboundFrame;
    let binary: BroadcastMessage | undefined;
    try {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (isBinary) {
        if (s.vsn !== '2.0.0') throw new ProtocolError('binary frames need serializer 2.0.0');
        ({ frame, broadcast: binary } = decodeBinary(buf));
      } else frame = decodeText(s.vsn, buf.toString('utf8'));
    } catch (err) {
      if (!(err instanceof ProtocolError)) onError(err);
      // A frame we cannot read has no ref to answer: like Phoenix, end the connection.
      s.ws.close(1007, 'malformed frame');
      return;
    }
    if (s.pending >= MAX_PENDING_FRAMES) {
      s.ws.close(1008, 'too many pending messages');
      return;
    }
    s.pending++;
    // Frames of one socket are handled one after another, in arrival order.
    s.queue = s.queue
      .then(() => handleFrame(s, frame, binary))
      .catch((err: unknown) => {
        onError(err);
        if (frame.ref) reply(s, frame, 'error', { reason: 'internal error' });
      })
      .finally(() => {
        s.pending--;
      });
  }

  function closeSocket(s: ClientSocket) {
    if (!sockets.delete(s)) return;
    for (const ch of [...s.channels.values()]) removeChannel(ch, false);
  }

  const idleTimer = setInterval(() => {
    const now = Date.now();
    for (const s of sockets) if (now - s.lastSeen > idleTimeoutMs) s.ws.terminate();
  }, Math.max(250, Math.min(idleTimeoutMs / 4, 5000)));
  idleTimer.unref();

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const url = new URL(req.url ?? '/', 'http://stack');
      const vsnParam = url.searchParams.get('vsn') ?? '1.0.0';
      const apikey = url.searchParams.get('apikey') ?? (typeof req.headers.apikey === 'string' ? req.headers.apikey : '');
      if (vsnParam !== '1.0.0' && vsnParam !== '2.0.0') {
        socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
        return;
      }
      void verifyJwt(apikey, secret).then(
        () =>
          wss.handleUpgrade(req, socket, head, (ws) => {
            const s: ClientSocket = {
              ws,
              vsn: vsnParam,
              apikey,
              raw: socket,
              corked: false,
              channels: new Map(),
              lastSeen: Date.now(),
              joins: [],
              queue: Promise.resolve(),
              pending: 0,
            };
            sockets.add(s);
            ws.on('message', (data, isBinary) => onMessage(s, data, isBinary));
            ws.on('close', () => closeSocket(s));
            // ws reports oversized or invalid frames here and closes the socket itself.
            ws.on('error', () => closeSocket(s));
          }),
        () => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'),
      );
    },
    dropConnections() {
      for (const s of [...sockets]) {
        s.ws.terminate();
        closeSocket(s);
      }
    },
    async flush() {
      await capture.flush();
      await fromDatabase.flush();
    },
    stats: () => ({
      sockets: sockets.size,
      channels: [...topics.values()].reduce((n, t) => n + t.size, 0),
      bindings: registry.size,
      backpressure: budget.stats(),
    }),
    async close() {
      clearInterval(idleTimer);
      await capture.close();
      await fromDatabase.close();
      for (const s of [...sockets]) {
        for (const ch of s.channels.values()) system(ch, 'system', 'ok', 'Server requested disconnect');
        s.ws.close(1001, 'server shutting down');
        closeSocket(s);
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
