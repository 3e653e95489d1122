/**
 * Broadcast from Database with the official supabase-js client: a message stored by realtime.send()
 * or realtime.broadcast_changes() (from a trigger or a statement) reaches the channels of its topic as
 * supabase/realtime delivers it (`broadcast` event, `payload`, `meta.id`), private messages only to
 * private channels whose join the realtime.messages policies allowed, public ones only to public
 * channels, in the order stored, and nothing of a rolled-back transaction. Then the app's wall feed
 * (migration 20261205020000): an operator's new call reaches leadership and supervisors on wall:live
 * as anonymised call and counters events; operators, OPD, inactive users and the anon key are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { realtimeClient, subscribed, userToken, waitFor } from './fixtures/realtime/helpers.ts';

type Vsn = '1.0.0' | '2.0.0';

/** What supabase-js hands a `broadcast` listener. */
interface Received {
  type: string;
  event: string;
  payload: Record<string, unknown>;
  meta?: { id?: string };
}

const refusal = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

describe.each(backends)('Broadcast from Database on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];
  const users: Record<string, string> = {};

  async function as(who: string, vsn: Vsn = '2.0.0'): Promise<SupabaseClient> {
    const client = realtimeClient(stack.url, vsn);
    clients.push(client);
    if (who !== 'anon') await client.realtime.setAuth(await userToken(users[who]));
    return client;
  }

  /** A channel collecting every broadcast of `events` (all when empty). */
  function listen(client: SupabaseClient, topic: string, isPrivate: boolean, events: string[] = []) {
    const got: Received[] = [];
    let channel: RealtimeChannel = client.channel(topic, { config: { private: isPrivate } });
    const keep = (m: Received) => got.push(m);
    if (events.length) for (const event of events) channel = channel.on('broadcast', { event }, keep);
    else channel = channel.on('broadcast', { event: '*' }, keep);
    return { channel, got };
  }

  beforeAll(async () => {
    stack = await startTestStack({ backend });
    const agency = (
      await stack.db.query<{ id: string }>(`insert into public.agencies (code, name, kind) values ('DPKP', 'Pemadam', 'fire') returning id`)
    ).rows[0].id;
    const people: Array<[string, string, boolean]> = [
      ['operator', 'operator', true],
      ['supervisor', 'supervisor', true],
      ['opd', 'opd', true],
      ['leadership', 'leadership', true],
      ['admin', 'admin', true],
      ['inactive_leadership', 'leadership', false],
    ];
    for (const [name, role, active] of people) {
      const id = randomUUID();
      users[name] = id;
      await stack.db.query(`insert into auth.users (id, email, aud, role) values ($1, $2, 'authenticated', 'authenticated')`, [
        id,
        `${name}@broadcast.test`,
      ]);
      await stack.db.query(`insert into public.profiles (id, full_name, role, agency_id, active) values ($1, $2, $3, $4, $5)`, [
        id,
        `Uji ${name}`,
        role,
        role === 'opd' ? agency : null,
        active,
      ]);
    }
    // A test-only private topic any signed-in user may receive, for the platform functions themselves.
    await stack.db.exec(
      `create policy "test: anyone signed in receives bfd:room" on realtime.messages for select to authenticated
         using ((select realtime.topic()) = 'bfd:room')`,
    );
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await stack?.drop();
  });

  it.each(['2.0.0', '1.0.0'] as const)('delivers realtime.send() to a private channel with payload and meta.id (%s)', async (vsn) => {
    const { channel, got } = listen(await as('operator', vsn), 'bfd:room', true, ['hello']);
    await subscribed(channel);
    await stack.db.query(`select realtime.send('{"n": 1}'::jsonb, 'hello', 'bfd:room', true)`);
    const [m] = await waitFor(() => got.length > 0 && got, 5000, 'the broadcast');
    expect(m.type).toBe('broadcast');
    expect(m.event).toBe('hello');
    expect(m.payload.n).toBe(1);
    // realtime.send() adds the message id to the payload, and Realtime sends it as meta.id too.
    expect(typeof m.meta?.id).toBe('string');
    expect(m.payload.id).toBe(m.meta?.id);
    const stored = await stack.db.query<{ n: number }>(`select count(*)::int as n from realtime.messages where id = $1`, [m.meta?.id]);
    expect(stored.rows[0].n).toBe(1);
    await channel.unsubscribe();
  });

  it('sends private messages to private channels only and public ones to public channels only, in order', async () => {
    const client = await as('leadership');
    const priv = listen(client, 'bfd:room', true);
    await subscribed(priv.channel);
    const other = await as('admin');
    const pub = listen(other, 'bfd:room', false);
    await subscribed(pub.channel);
    await stack.db.query(`select realtime.send('{"k": "private-1"}'::jsonb, 'e', 'bfd:room', true)`);
    await stack.db.query(`select realtime.send('{"k": "public-1"}'::jsonb, 'e', 'bfd:room', false)`);
    await stack.db.query(`select realtime.send('{"k": "private-2"}'::jsonb, 'e', 'bfd:room', true)`);
    await waitFor(() => priv.got.length >= 2 && pub.got.length >= 1, 5000, 'both rooms');
    expect(priv.got.map((m) => m.payload.k)).toEqual(['private-1', 'private-2']);
    expect(pub.got.map((m) => m.payload.k)).toEqual(['public-1']);
    await priv.channel.unsubscribe();
    await pub.channel.unsubscribe();
  });

  it('delivers realtime.broadcast_changes() rows and nothing of a rolled-back transaction', async () => {
    const { channel, got } = listen(await as('supervisor'), 'bfd:room', true);
    await subscribed(channel);
    await stack.db.transaction(async (tx) => {
      await tx.query(`select realtime.send('{"k": "rolled back"}'::jsonb, 'e', 'bfd:room', true)`);
      throw new Error('roll back');
    }).catch(() => undefined);
    await stack.db.query(
      `select realtime.broadcast_changes('bfd:room', 'thing_changed', 'UPDATE', 'things', 'public', row(2, 'baru'), row(2, 'lama'))`,
    );
    const [m] = await waitFor(() => got.length > 0 && got, 5000, 'the change');
    expect(got).toHaveLength(1);
    expect(m.event).toBe('thing_changed');
    expect(m.payload).toMatchObject({
      operation: 'UPDATE',
      table: 'things',
      schema: 'public',
      record: { f1: 2, f2: 'baru' },
      old_record: { f1: 2, f2: 'lama' },
    });
    await channel.unsubscribe();
  });

  describe('the wall feed (wall:live)', () => {
    it.each(['2.0.0', '1.0.0'] as const)(
      "tells leadership, supervisors and admins of an operator's new call, without caller data (%s)",
      async (vsn) => {
        const feeds = await Promise.all(
          ['leadership', 'supervisor', 'admin'].map(async (who) => {
            const feed = listen(await as(who, vsn), 'wall:live', true, ['call', 'counters']);
            await subscribed(feed.channel);
            return feed;
          }),
        );
        const operator = createClient(stack.url, DEMO_ANON_KEY, {
          auth: { persistSession: false, autoRefreshToken: false },
          realtime: { transport: NodeRealtimeTransport },
          global: { headers: { Authorization: `Bearer ${await userToken(users.operator)}` } },
        });
        const { data, error } = await operator.rpc('start_call', {
          p_idempotency_key: randomUUID(),
          p_caller_phone: '0812 7777 0001',
          p_caller_name: 'Ibu Rahasia',
        });
        expect(error).toBeNull();
        for (const feed of feeds) {
          const call = await waitFor(() => feed.got.find((m) => m.event === 'call'), 5000, 'the call event');
          await waitFor(() => feed.got.find((m) => m.event === 'counters'), 5000, 'the counters event');
          expect(call.payload.op).toBe('insert');
          expect(call.payload.call).toMatchObject({ id: data?.id, answered_at: null, ended_at: null, call_type: null });
          expect(JSON.stringify(feed.got)).not.toMatch(/0812|7777|Rahasia|caller|notes|lat|lng|operator/);
        }
        for (const feed of feeds) await feed.channel.unsubscribe();
      },
    );

    it('refuses operators, OPD, inactive leadership and the anon key', async () => {
      for (const who of ['operator', 'opd', 'inactive_leadership', 'anon']) {
        const client = await as(who);
        await expect(subscribed(listen(client, 'wall:live', true).channel), who).rejects.toThrow(refusal('wall:live'));
        await client.removeAllChannels();
      }
    });

    it('sends nothing to a public channel of the same name', async () => {
      const client = await as('leadership');
      const pub = listen(client, 'wall:live', false);
      await subscribed(pub.channel);
      const other = await as('admin');
      const priv = listen(other, 'wall:live', true);
      await subscribed(priv.channel);
      await stack.db.query(`insert into public.calls (caller_phone) values ('081200000001')`);
      // Then a public message: it comes after the call's, so by the time it arrives the call's would have.
      await stack.db.query(`select realtime.send('{"k": "after"}'::jsonb, 'marker', 'wall:live', false)`);
      await waitFor(() => pub.got.length > 0 && priv.got.some((m) => m.event === 'call'), 5000, 'the marker and the call');
      expect(pub.got.map((m) => m.event)).toEqual(['marker']);
      await pub.channel.unsubscribe();
      await priv.channel.unsubscribe();
    });
  });
});
