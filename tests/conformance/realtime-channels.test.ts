/**
 * Realtime channels through supabase-js and a raw websocket: access tokens (refresh, expiry, invalid),
 * broadcast with self and ack across serializers, presence joins and leaves, heartbeats, idle
 * timeout, and bad input that must get an error reply or a closed socket without hurting others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import {
  fixtureMigrations,
  realtimeClient,
  signedInClient,
  sleep,
  subscribed,
  USER_A,
  USER_B,
  userToken,
  waitFor,
} from './fixtures/realtime/helpers.ts';

type Frame = [string | null, string | null, string, string, Record<string, unknown>];

/** A bare 2.0.0 socket, to send what no well-behaved client would. */
async function rawSocket(url: string, apikey = DEMO_ANON_KEY) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${apikey}&vsn=2.0.0`);
  const frames: Frame[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(String(data)) as Frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const replyTo = (ref: string) => waitFor(() => frames.find((f) => f[1] === ref && f[3] === 'phx_reply'), 5000, `reply ${ref}`);
  return { ws, frames, closed, replyTo };
}

describe.each(backends)('realtime channels on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];
  const track = <T extends SupabaseClient>(c: T) => (clients.push(c), c);

  beforeAll(async () => {
    process.env.REALTIME_IDLE_TIMEOUT_MS = '3000';
    stack = await startTestStack({ backend, migrationsDir: fixtureMigrations });
    delete process.env.REALTIME_IDLE_TIMEOUT_MS;
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await stack?.drop();
  });

  it('keeps a subscription across setAuth with a new token, and ends it when the token expires', async () => {
    const client = track(realtimeClient(stack.url));
    await client.realtime.setAuth(await userToken(USER_A, 2));
    const got: number[] = [];
    const systems: Array<{ extension: string; status: string; message: string }> = [];
    const statuses: string[] = [];
    const ch = client
      .channel('token')
      .on('system', {}, (p) => systems.push(p))
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notes' }, (p) => got.push(Number(p.new.n)));
    await new Promise<void>((resolve) =>
      ch.subscribe((s) => {
        statuses.push(s);
        if (s === 'SUBSCRIBED') resolve();
      }),
    );
    await client.realtime.setAuth(await userToken(USER_A, 4));
    await sleep(2500);
    await stack.db.query(`insert into notes (owner, title, n) values ($1, 'refreshed', 1)`, [USER_A]);
    await waitFor(() => got.includes(1), 5000, 'change after refresh');
    await waitFor(() => statuses.includes('CLOSED'), 5000, 'channel closed at expiry');
    expect(systems.some((s) => s.extension === 'system' && s.status === 'error' && /expired/.test(s.message))).toBe(true);
    await stack.db.query(`insert into notes (owner, title, n) values ($1, 'after expiry', 2)`, [USER_A]);
    await sleep(500);
    expect(got).toEqual([1]);
  });

  it('refuses a join with an invalid or expired token, and ends a channel given a bad token', async () => {
    const forged = await signJwt({ sub: USER_A, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 }, 'x'.repeat(40));
    const expired = await userToken(USER_A, -10);
    for (const [token, reason] of [
      [forged, /signature/],
      [expired, /expired/],
    ] as const) {
      const client = track(realtimeClient(stack.url));
      await client.realtime.setAuth(token);
      await expect(subscribed(client.channel('bad-token'))).rejects.toThrow(reason);
      await client.removeAllChannels();
    }
    const client = track(await signedInClient(stack.url, USER_B));
    const systems: Array<{ status: string; message: string }> = [];
    const closed = new Promise<void>((resolve) => {
      const ch = client.channel('then-bad').on('system', {}, (p) => systems.push(p));
      ch.subscribe((s) => s === 'CLOSED' && resolve());
    });
    await waitFor(() => client.getChannels()[0]?.state === 'joined', 5000, 'joined');
    await client.realtime.setAuth(forged);
    await closed;
    expect(systems.at(-1)?.status).toBe('error');
  });

  it.each([
    ['2.0.0', '2.0.0'],
    ['2.0.0', '1.0.0'],
    ['1.0.0', '2.0.0'],
  ] as const)('broadcasts with self and ack from %s to %s', async (senderVsn, receiverVsn) => {
    const sender = track(realtimeClient(stack.url, senderVsn));
    const receiver = track(realtimeClient(stack.url, receiverVsn));
    const topic = `room-${senderVsn}-${receiverVsn}`;
    const mine: unknown[] = [];
    const theirs: unknown[] = [];
    const s = sender.channel(topic, { config: { broadcast: { self: true, ack: true } } }).on('broadcast', { event: 'cursor' }, (m) => mine.push(m.payload));
    const r = receiver.channel(topic).on('broadcast', { event: 'cursor' }, (m) => theirs.push(m.payload));
    await subscribed(s);
    await subscribed(r);
    const payload = { x: 1, name: 'Çilegon', nested: { ok: true } };
    expect(await s.send({ type: 'broadcast', event: 'cursor', payload })).toBe('ok');
    await waitFor(() => mine.length && theirs.length, 5000, 'broadcast');
    expect(mine).toEqual([payload]);
    expect(theirs).toEqual([payload]);
    // Without self, the sender does not hear itself.
    const quiet: unknown[] = [];
    const q = track(realtimeClient(stack.url, senderVsn)).channel(topic).on('broadcast', { event: 'cursor' }, (m) => quiet.push(m.payload));
    await subscribed(q);
    await q.send({ type: 'broadcast', event: 'cursor', payload: { from: 'q' } });
    await waitFor(() => theirs.length === 2, 5000, 'second broadcast');
    await sleep(100);
    expect(quiet).toEqual([]);
  });

  it('tracks presence joins and leaves between two clients', async () => {
    const a = track(await signedInClient(stack.url, USER_A));
    const b = track(await signedInClient(stack.url, USER_B, '1.0.0'));
    const chA = a.channel('presence-room', { config: { presence: { key: 'alice' } } });
    const leavesSeenByA: string[] = [];
    chA.on('presence', { event: 'sync' }, () => {}).on('presence', { event: 'leave' }, (p) => leavesSeenByA.push(p.key));
    await subscribed(chA);
    expect(await chA.track({ screen: 'wall' })).toBe('ok');
    const chB = b.channel('presence-room', { config: { presence: { key: 'bob' } } });
    const joinsSeenByB: string[] = [];
    chB.on('presence', { event: 'join' }, (p) => joinsSeenByB.push(p.key));
    await subscribed(chB);
    await waitFor(() => joinsSeenByB.includes('alice'), 5000, 'B sees alice from presence_state');
    await chB.track({ screen: 'operator' });
    await waitFor(() => Object.keys(chA.presenceState()).sort().join() === 'alice,bob', 5000, 'A sees bob');
    expect(chA.presenceState().bob[0]).toMatchObject({ screen: 'operator' });
    await chB.untrack();
    await waitFor(() => leavesSeenByA.includes('bob'), 5000, 'A sees bob leave');
    await chB.track({ screen: 'again' });
    await waitFor(() => chA.presenceState<{ screen: string }>().bob?.[0]?.screen === 'again', 5000, 'bob back');
    await b.removeAllChannels();
    await waitFor(() => !chA.presenceState().bob, 5000, 'bob gone after leaving the channel');
  });

  it('answers heartbeats, and drops a silent socket after the idle timeout', async () => {
    const raw = await rawSocket(stack.url);
    raw.ws.send(JSON.stringify([null, 'hb1', 'phoenix', 'heartbeat', {}]));
    expect((await raw.replyTo('hb1'))[4]).toEqual({ status: 'ok', response: {} });
    const started = Date.now();
    await raw.closed;
    expect(Date.now() - started).toBeGreaterThan(1500);
  });

  it('refuses a connection with an invalid apikey', async () => {
    const ws = new WebSocket(`${stack.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=nope&vsn=2.0.0`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });

  it('survives bad input: malformed frames, unknown topics and events, huge messages, join floods', async () => {
    // A bystander on a topic keeps working through all of this.
    const bystander = track(realtimeClient(stack.url));
    const heard: unknown[] = [];
    const by = bystander.channel('bystander', { config: { broadcast: { self: true } } }).on('broadcast', { event: 'ping' }, (m) => heard.push(m.payload));
    await subscribed(by);

    const unknown = await rawSocket(stack.url);
    unknown.ws.send(JSON.stringify([null, 'u1', 'elsewhere:x', 'phx_join', {}]));
    expect((await unknown.replyTo('u1'))[4]).toMatchObject({ status: 'error' });
    unknown.ws.send(JSON.stringify(['j1', 'j1', 'realtime:ok', 'phx_join', { config: {} }]));
    expect((await unknown.replyTo('j1'))[4]).toMatchObject({ status: 'ok' });
    unknown.ws.send(JSON.stringify(['j1', 'u2', 'realtime:ok', 'no_such_event', {}]));
    expect((await unknown.replyTo('u2'))[4]).toMatchObject({ status: 'error' });
    unknown.ws.send(JSON.stringify([null, 'u3', 'realtime:not-joined', 'broadcast', { event: 'x' }]));
    expect((await unknown.replyTo('u3'))[4]).toMatchObject({ status: 'error', response: { reason: 'unmatched topic' } });
    unknown.ws.send(JSON.stringify([null, 'u4', 'realtime:', 'phx_join', {}]));
    expect((await unknown.replyTo('u4'))[4]).toMatchObject({ status: 'error' });
    // No policy on realtime.messages lets anyone read 'secret' (realtime-private.test.ts covers allowed joins).
    unknown.ws.send(JSON.stringify(['p1', 'p1', 'realtime:secret', 'phx_join', { config: { private: true } }]));
    expect((await unknown.replyTo('p1'))[4]).toEqual({
      status: 'error',
      response: { reason: 'Unauthorized: You do not have permissions to read from this Channel topic: secret' },
    });

    const flood = await rawSocket(stack.url);
    for (let i = 0; i < 150; i++) flood.ws.send(JSON.stringify([String(i), String(i), `realtime:flood-${i}`, 'phx_join', { config: {} }]));
    await flood.replyTo('149');
    const replies = flood.frames.filter((f) => f[3] === 'phx_reply');
    expect(replies.some((f) => (f[4] as { status: string }).status === 'error')).toBe(true);

    for (const bad of ['{not json', '[1,2]', JSON.stringify({ topic: 'x' }), '[null,null,"realtime:x","phx_join","nope"]']) {
      const s = await rawSocket(stack.url);
      s.ws.send(bad);
      expect(await s.closed).toBe(1007);
    }
    const binaryJunk = await rawSocket(stack.url);
    binaryJunk.ws.send(Buffer.from([3, 200, 200, 200, 200, 200, 1]));
    expect(await binaryJunk.closed).toBe(1007);

    const huge = await rawSocket(stack.url);
    huge.ws.send(JSON.stringify([null, 'h', 'realtime:ok', 'broadcast', { event: 'x', payload: 'y'.repeat(1_100_000) }]));
    expect(await huge.closed).toBe(1009);

    await by.send({ type: 'broadcast', event: 'ping', payload: { still: 'here' } });
    await waitFor(() => heard.length === 1, 5000, 'bystander still served');
    unknown.ws.close();
    flood.ws.close();
  });
});
