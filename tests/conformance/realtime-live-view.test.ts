/**
 * The live-view engine (lib/realtime/live-view.ts) against the embedded stack: snapshot over REST,
 * changes over Realtime, and after the websocket is cut mid-stream and rows change while it is
 * down, the view equals a fresh query again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { createLiveView, type LiveView } from '../../lib/realtime/live-view.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { fixtureMigrations, USER_A, USER_B, userToken, waitFor } from './fixtures/realtime/helpers.ts';

type Note = { id: number; owner: string; title: string; n: number; body: string | null; version: number };

/** A client acting as one user for REST and Realtime alike (supabase-js `accessToken` option). */
async function userClient(url: string, sub: string): Promise<SupabaseClient> {
  const token = await userToken(sub);
  return createClient(url, DEMO_ANON_KEY, {
    accessToken: async () => token,
    realtime: { transport: WebSocket as unknown as never, heartbeatIntervalMs: 1000 },
  });
}

/** Cuts the client's websocket the way a network failure would: no close handshake. */
function cutSocket(client: SupabaseClient) {
  const socket = (client.realtime as unknown as { socketAdapter: { getSocket(): { conn: WebSocket | null } } }).socketAdapter.getSocket();
  socket.conn?.terminate();
}

const byId = (a: Note, b: Note) => a.id - b.id;

describe.each(backends)('live view on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  let client: SupabaseClient;
  const stops: Array<() => void> = [];

  beforeAll(async () => {
    stack = await startTestStack({ backend, migrationsDir: fixtureMigrations });
    client = await userClient(stack.url, USER_A);
    await stack.db.query(
      `insert into notes (owner, title, n) select case when i % 3 = 0 then $2::uuid else $1::uuid end, 'seed ' || i, i from generate_series(1, 12) i`,
      [USER_A, USER_B],
    );
  });
  afterAll(async () => {
    for (const stop of stops) stop();
    await client?.removeAllChannels();
    await stack?.drop();
  });

  async function fresh(filter?: (n: Note) => boolean): Promise<Note[]> {
    const { data, error } = await client.from('notes').select('*');
    if (error) throw new Error(error.message);
    return (data as Note[]).filter(filter ?? (() => true)).sort(byId);
  }

  function start<Row extends Note>(view: LiveView<Row>) {
    stops.push(view.subscribe(() => {}));
    return view;
  }

  async function settlesTo(view: LiveView<Note>, filter?: (n: Note) => boolean) {
    let expected: Note[] = [];
    const deadline = Date.now() + 15_000;
    for (;;) {
      expected = await fresh(filter);
      const got = [...view.getRows()].sort(byId);
      if (view.getStatus() === 'live' && JSON.stringify(got) === JSON.stringify(expected)) return got;
      if (Date.now() > deadline) {
        expect({ status: view.getStatus(), rows: got }).toEqual({ status: 'live', rows: expected });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('starts from a snapshot and follows changes, by key and version', async () => {
    const view = start(createLiveView<Note>({ client, table: 'notes', key: 'id', version: 'version' }));
    const first = await settlesTo(view);
    expect(first.length).toBe(8);
    expect(first.every((n) => n.owner === USER_A)).toBe(true);
    await stack.db.query(`insert into notes (owner, title, n) values ($1, 'new', 50), ($2, 'not mine', 51)`, [USER_A, USER_B]);
    await stack.db.query(`update notes set title = 'edited', version = version + 1 where owner = $1 and n = 1`, [USER_A]);
    await stack.db.query(`delete from notes where owner = $1 and n = 2`, [USER_A]);
    const after = await settlesTo(view);
    expect(after.find((n) => n.n === 1)?.title).toBe('edited');
    expect(after.some((n) => n.n === 2)).toBe(false);
  });

  it('keeps a filtered view exact, including rows that leave the filter', async () => {
    const view = start(createLiveView<Note>({ client, table: 'notes', filter: { column: 'n', op: 'gte', value: 5 }, version: 'version' }));
    await settlesTo(view, (n) => n.n >= 5);
    await stack.db.query(`update notes set n = 0, version = version + 1 where owner = $1 and n = 5`, [USER_A]);
    await stack.db.query(`update notes set n = 60, version = version + 1 where owner = $1 and n = 4`, [USER_A]);
    await settlesTo(view, (n) => n.n >= 5);
  });

  it('resyncs after the websocket is cut and rows change while it is down', async () => {
    const view = start(createLiveView<Note>({ client, table: 'notes', key: 'id', version: 'version' }));
    await settlesTo(view);
    const seen: string[] = [];
    stops.push(view.subscribe(() => seen.push(view.getStatus())));
    cutSocket(client);
    // While the client is reconnecting (its first retry waits a second), the data moves on.
    await stack.db.query(`insert into notes (owner, title, n) values ($1, 'while down', 70)`, [USER_A]);
    await stack.db.query(`update notes set title = 'changed while down', version = version + 1 where owner = $1 and n = 7`, [USER_A]);
    await stack.db.query(`delete from notes where owner = $1 and n = 8`, [USER_A]);
    await waitFor(() => seen.includes('reconnecting'), 5000, 'reconnecting status');
    const after = await settlesTo(view);
    expect(after.some((n) => n.title === 'while down')).toBe(true);
    expect(after.find((n) => n.n === 7)?.title).toBe('changed while down');
    expect(after.some((n) => n.n === 8)).toBe(false);
    expect(seen).toContain('syncing');
  });
});
