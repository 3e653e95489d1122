/**
 * Private channels against the app's migrations, with the official supabase-js client: a join with
 * config.private is authorised by the RLS policies on realtime.messages (incident presence rooms are
 * for active supervisors), refused otherwise with supabase/realtime's reply, re-checked when the token
 * changes and closed when it expires; public and private rooms of one name never mix; and the presence
 * caps (track size, presences per socket, presence rate, channels per socket) answer with errors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { createPresenceRoom } from '../../lib/realtime/presence-room.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { realtimeClient, sleep, subscribed, userToken, waitFor } from './fixtures/realtime/helpers.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

type Frame = [string | null, string | null, string, string, Record<string, unknown>];
type Vsn = '1.0.0' | '2.0.0';

const PASSWORD = 'Rahasia-112-uji';
const refusal = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

/** A bare 2.0.0 socket, to see replies exactly as they go over the wire. */
async function rawSocket(url: string, apikey: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${apikey}&vsn=2.0.0`);
  const frames: Frame[] = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(String(data)) as Frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let n = 0;
  const send = (topic: string, event: string, payload: Record<string, unknown>, joinRef: string | null = null) => {
    const ref = `r${++n}`;
    ws.send(JSON.stringify([joinRef ?? ref, ref, topic, event, payload]));
    return waitFor(() => frames.find((f) => f[1] === ref && f[3] === 'phx_reply'), 10_000, `reply to ${event} ${ref}`).then(
      (f) => ({ ref, ...(f[4] as { status: string; response: Record<string, unknown> }) }),
    );
  };
  return { ws, frames, send };
}

describe.each(backends)('private channels on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];
  const sockets: WebSocket[] = [];
  const users: Record<string, string> = {};
  const room = `incident:${randomUUID()}`;

  async function as(who: string, vsn: Vsn = '2.0.0', expiresIn = 3600): Promise<SupabaseClient> {
    const client = realtimeClient(stack.url, vsn);
    clients.push(client);
    if (who !== 'anon') await client.realtime.setAuth(await userToken(users[who], expiresIn));
    return client;
  }

  const presenceChannel = (client: SupabaseClient, key: string, topic = room, isPrivate = true): RealtimeChannel =>
    client.channel(topic, { config: { private: isPrivate, presence: { key } } }).on('presence', { event: 'sync' }, () => {});

  beforeAll(async () => {
    stack = await startTestStack({ backend });
    const agency = (
      await stack.db.query<{ id: string }>(`insert into public.agencies (code, name, kind) values ('DPKP', 'Pemadam', 'fire') returning id`)
    ).rows[0].id;
    const people: Array<[string, string, boolean]> = [
      ['supervisor', 'supervisor', true],
      ['supervisor2', 'supervisor', true],
      ['operator', 'operator', true],
      ['opd', 'opd', true],
      ['leadership', 'leadership', true],
      ['admin', 'admin', true],
      ['inactive_supervisor', 'supervisor', false],
    ];
    for (const [name, role, active] of people) {
      const id = randomUUID();
      users[name] = id;
      await stack.db.query(`insert into auth.users (id, email, aud, role) values ($1, $2, 'authenticated', 'authenticated')`, [
        id,
        `${name}@private.test`,
      ]);
      await stack.db.query(`insert into public.profiles (id, full_name, role, agency_id, active) values ($1, $2, $3, $4, $5)`, [
        id,
        `Uji ${name}`,
        role,
        role === 'opd' ? agency : null,
        active,
      ]);
    }
    // A test-only room that may be read but not written, to see a join without send permission.
    await stack.db.exec(
      `create policy "test: anyone signed in reads the read-only room" on realtime.messages for select to authenticated
         using ((select realtime.topic()) = 'readonly:room')`,
    );
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    for (const ws of sockets) ws.close();
    await stack?.drop();
  });

  it.each([
    ['2.0.0', '1.0.0'],
    ['1.0.0', '2.0.0'],
  ] as const)('lets supervisors (serializers %s and %s) into an incident room and shows each the other', async (vsnA, vsnB) => {
    const topic = `incident:${randomUUID()}`;
    const a = presenceChannel(await as('supervisor', vsnA), 'sup-a', topic);
    await subscribed(a);
    expect(await a.track({ name: 'Budi' })).toBe('ok');
    const b = presenceChannel(await as('supervisor2', vsnB), 'sup-b', topic);
    await subscribed(b);
    expect(await b.track({ name: 'Dewi' })).toBe('ok');
    await waitFor(() => Object.keys(a.presenceState()).sort().join() === 'sup-a,sup-b', 5000, 'A sees B');
    await waitFor(() => Object.keys(b.presenceState()).sort().join() === 'sup-a,sup-b', 5000, 'B sees A');
    expect(b.presenceState<{ name: string }>()['sup-a'][0].name).toBe('Budi');
  });

  it.each(['2.0.0', '1.0.0'] as const)(
    'refuses operator, OPD, leadership, admin, an inactive supervisor and the anon key with supabase/realtime\'s reason (%s)',
    async (vsn) => {
      for (const who of ['operator', 'opd', 'leadership', 'admin', 'inactive_supervisor', 'anon']) {
        const client = await as(who, vsn);
        await expect(subscribed(presenceChannel(client, who)), who).rejects.toThrow(refusal(room));
        await client.removeAllChannels();
      }
    },
  );

  it('answers a refused join with phx_reply {status: "error", response: {reason}}', async () => {
    const raw = await rawSocket(stack.url, DEMO_ANON_KEY);
    sockets.push(raw.ws);
    const config = { private: true, presence: { key: 'x', enabled: true } };
    const anon = await raw.send(`realtime:${room}`, 'phx_join', { config });
    expect(anon).toMatchObject({ status: 'error', response: { reason: refusal(room) } });
    const operator = await raw.send(`realtime:${room}`, 'phx_join', { config, access_token: await userToken(users.operator) });
    expect({ status: operator.status, response: operator.response }).toEqual({ status: 'error', response: { reason: refusal(room) } });
    const supervisor = await raw.send(`realtime:${room}`, 'phx_join', { config, access_token: await userToken(users.supervisor) });
    expect(supervisor.status).toBe('ok');
  });

  it('keeps the public room of the same name apart: anon neither sees nor reaches the private one', async () => {
    const topic = `incident:${randomUUID()}`;
    const sup = presenceChannel(await as('supervisor'), 'sup', topic);
    await subscribed(sup);
    expect(await sup.track({ name: 'Budi' })).toBe('ok');
    const intruder = presenceChannel(await as('anon'), 'intruder', topic, false);
    await subscribed(intruder);
    expect(await intruder.track({ name: 'Palsu' })).toBe('ok');
    await waitFor(() => Object.keys(intruder.presenceState()).length === 1, 5000, 'intruder sees itself');
    await sleep(300);
    expect(Object.keys(intruder.presenceState())).toEqual(['intruder']);
    expect(Object.keys(sup.presenceState())).toEqual(['sup']);
  });

  it('without send permission: a track is refused and a broadcast goes nowhere', async () => {
    const reader = (await as('operator')).channel('readonly:room', { config: { private: true, presence: { key: 'op' } } });
    reader.on('presence', { event: 'sync' }, () => {});
    await subscribed(reader);
    expect(await reader.track({ name: 'Ani' })).toBe('error');
    const heard: unknown[] = [];
    const listener = (await as('leadership')).channel('readonly:room', { config: { private: true } });
    listener.on('broadcast', { event: 'fake' }, (m) => heard.push(m.payload));
    await subscribed(listener);
    await reader.send({ type: 'broadcast', event: 'fake', payload: { viewer: 'palsu' } });
    await sleep(500);
    expect(heard).toEqual([]);
    expect(Object.keys(reader.presenceState())).toEqual([]);
    // Supervisors may track in incident rooms but nobody may broadcast there.
    const topic = `incident:${randomUUID()}`;
    const s1 = presenceChannel(await as('supervisor'), 's1', topic);
    const got: unknown[] = [];
    const s2 = presenceChannel(await as('supervisor2'), 's2', topic).on('broadcast', { event: 'x' }, (m) => got.push(m.payload));
    await subscribed(s1);
    await subscribed(s2);
    await s1.send({ type: 'broadcast', event: 'x', payload: { n: 1 } });
    await sleep(500);
    expect(got).toEqual([]);
  });

  /** Subscribes, recording every status and system message, and waits for SUBSCRIBED. */
  async function watched(ch: RealtimeChannel) {
    const systems: Array<{ extension: string; status: string; message: string }> = [];
    const statuses: string[] = [];
    ch.on('system', {}, (p) => systems.push(p)).subscribe((s) => statuses.push(s));
    await waitFor(() => statuses.includes('SUBSCRIBED'), 10_000, 'subscribed');
    return { systems, statuses };
  }

  it('re-checks on a new token: kept while allowed, shut out once the supervisor is deactivated', async () => {
    const client = await as('supervisor');
    const ch = presenceChannel(client, 'sup');
    const { systems, statuses } = await watched(ch);
    await client.realtime.setAuth(await userToken(users.supervisor, 3500));
    await sleep(300);
    expect(await ch.track({ name: 'Budi' })).toBe('ok');
    expect(statuses).not.toContain('CLOSED');
    await stack.db.query('update public.profiles set active = false where id = $1', [users.supervisor]);
    try {
      await client.realtime.setAuth(await userToken(users.supervisor, 3000));
      await waitFor(() => statuses.includes('CLOSED'), 5000, 'channel closed after the token changed');
    } finally {
      await stack.db.query('update public.profiles set active = true where id = $1', [users.supervisor]);
    }
    expect(systems.at(-1)).toMatchObject({
      extension: 'system',
      status: 'error',
      message: `You do not have permissions to read from this Channel topic: ${room}`,
    });
  });

  it('closes a private channel when its token expires', async () => {
    const client = await as('supervisor', '2.0.0', 2);
    const ch = presenceChannel(client, 'sup', `incident:${randomUUID()}`);
    const { systems, statuses } = await watched(ch);
    expect(await ch.track({ name: 'Budi' })).toBe('ok');
    await waitFor(() => statuses.includes('CLOSED'), 6000, 'channel closed at expiry');
    expect(systems.some((s) => s.extension === 'system' && s.status === 'error' && /Token has expired/.test(s.message))).toBe(true);
  });

  it('sends the signed-in session\'s token by itself: the app\'s presence room goes live for a supervisor', async () => {
    const email = 'session-supervisor@private.test';
    const { data: created, error } = await stack.serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    if (error || !created.user) throw error ?? new Error('no user');
    await stack.db.query(`insert into public.profiles (id, full_name, role) values ($1, 'Sesi Supervisor', 'supervisor')`, [created.user.id]);
    const client = createClient(stack.url, DEMO_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: NodeRealtimeTransport },
    });
    clients.push(client);
    const signIn = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    const presence = createPresenceRoom({ client, room: `incident:${randomUUID()}`, key: created.user.id, state: { name: 'Sesi' } });
    const stop = presence.subscribe(() => {});
    try {
      await waitFor(() => presence.getMembers().some((m) => m.key === created.user.id), 10_000, 'own presence in the room');
      expect(presence.getStatus()).toBe('live');
    } finally {
      stop();
    }
  });

  it('caps presence: track size, presences per socket and presence messages per channel', async () => {
    const raw = await rawSocket(stack.url, DEMO_ANON_KEY);
    sockets.push(raw.ws);
    const join = (topic: string) => raw.send(`realtime:${topic}`, 'phx_join', { config: { presence: { key: 'k', enabled: true } } });
    const track = (topic: string, payload: unknown) => raw.send(`realtime:${topic}`, 'presence', { type: 'presence', event: 'track', payload });

    expect((await join('cap-size')).status).toBe('ok');
    expect(await track('cap-size', { blob: 'x'.repeat(4096) })).toMatchObject({ status: 'error', response: { reason: 'Track message size exceeded' } });
    expect((await track('cap-size', { name: 'kecil' })).status).toBe('ok');
    expect(await track('cap-size', [1, 2])).toMatchObject({ status: 'error', response: { reason: 'Presence track payload must be a map' } });

    for (let i = 1; i < 10; i++) {
      expect((await join(`cap-many-${i}`)).status).toBe('ok');
      expect((await track(`cap-many-${i}`, { i })).status).toBe('ok');
    }
    expect((await join('cap-many-10')).status).toBe('ok');
    expect(await track('cap-many-10', { i: 10 })).toMatchObject({
      status: 'error',
      response: { reason: expect.stringMatching(/^PresenceLimitReached: /) },
    });

    // Five presence messages per channel in 30 s, as supabase/realtime allows a client.
    for (let i = 0; i < 4; i++) await track('cap-many-1', { again: i });
    expect(await track('cap-many-1', { again: 'too often' })).toMatchObject({
      status: 'error',
      response: { reason: 'Client presence rate limit exceeded' },
    });
  });

  it('caps channels per socket with supabase/realtime\'s reason', async () => {
    const raw = await rawSocket(stack.url, DEMO_ANON_KEY);
    sockets.push(raw.ws);
    const replies: Array<{ status: string; response: Record<string, unknown> }> = [];
    for (let i = 0; i < 101; i++) {
      // Under the 50 joins per second limit, which would answer first.
      if (i && i % 45 === 0) await sleep(1100);
      replies.push(await raw.send(`realtime:many-${i}`, 'phx_join', { config: {} }));
    }
    expect(replies.slice(0, 100).every((r) => r.status === 'ok')).toBe(true);
    expect(replies[100]).toMatchObject({ status: 'error', response: { reason: 'ChannelRateLimitReached: Too many channels' } });
  });
});
