/**
 * Backpressure: a subscriber that stops reading while large changes keep coming is cut by the
 * stack's send budget (realtime-server.ts, send-budget.ts) — never left to grow the stack's memory,
 * never dropped silently. Its client sees the connection close, reconnects, and its live view
 * resyncs to the table as it is; a subscriber reading at full speed on the same stack gets every
 * change and keeps its connection.
 *
 * The stack runs with a per-socket limit far above what is sent (64 MiB) and a total budget of
 * 4 MiB, so only the total budget can cut anyone here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { createLiveView, type LiveStatus } from '../../lib/realtime/live-view.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { fixtureMigrations, signedInClient, USER_A, userToken, waitFor } from './fixtures/realtime/helpers.ts';

type Note = { id: number; owner: string; title: string; n: number; body: string | null; version: number };

/** A transport whose socket can stop reading, as a frozen tab or a saturated link does. */
class StallableTransport extends NodeRealtimeTransport {
  static readonly all: StallableTransport[] = [];
  readonly closeCodes: number[] = [];
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    StallableTransport.all.push(this);
    this.socket.on('close', (code) => this.closeCodes.push(code));
  }
  stall() {
    this.socket.pause();
  }
  resume() {
    this.socket.resume();
  }
}

/** Changes sent while the reader is stalled: 40 × 512 KB, far more than the 4 MiB budget plus the kernel's socket buffers. */
const UPDATES = 40;
const BODY_BYTES = 512 * 1024;

describe.each(backends)('realtime backpressure on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    process.env.REALTIME_MAX_BUFFERED_BYTES = String(64 * 1024 * 1024);
    process.env.REALTIME_MAX_BUFFERED_TOTAL_BYTES = String(4 * 1024 * 1024);
    try {
      stack = await startTestStack({ backend, migrationsDir: fixtureMigrations });
    } finally {
      delete process.env.REALTIME_MAX_BUFFERED_BYTES;
      delete process.env.REALTIME_MAX_BUFFERED_TOTAL_BYTES;
    }
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await stack?.drop();
  });

  it('cuts a stalled reader past the total budget; it reconnects and its view resyncs, a fast reader loses nothing', async () => {
    const token = await userToken(USER_A);
    const inserted = await stack.db.query<{ id: number }>(
      `insert into notes (owner, title, n) values ($1, 'v1', 1) returning id`,
      [USER_A],
    );
    const id = Number(inserted.rows[0].id);

    // The stalled reader: a live view, as the app's screens use (realtime-js heartbeats every 25 s by
    // default, so within this test only the stack can end its connection).
    const slow = createClient(stack.url, DEMO_ANON_KEY, { accessToken: async () => token, realtime: { transport: StallableTransport } });
    clients.push(slow);
    await slow.realtime.setAuth(token);
    const view = createLiveView<Note, Note>({
      client: slow,
      table: 'notes',
      key: 'id',
      version: 'version',
      source: { snapshot: () => slow.from('notes').select('id, owner, title, n, version'), fromRecord: (r) => r },
    });
    const statuses: LiveStatus[] = [];
    const stop = view.subscribe(() => statuses.push(view.getStatus()));
    try {
      await waitFor(() => view.getStatus() === 'live' && view.getRows().some((r) => r.id === id), 15_000, 'slow view live');
      const transport = StallableTransport.all.at(-1);
      if (!transport) throw new Error('no transport');

      // The fast reader: a plain subscription counting what it gets.
      const fast = await signedInClient(stack.url, USER_A);
      clients.push(fast);
      const fastVersions: number[] = [];
      const fastStatuses: string[] = [];
      await new Promise<void>((resolve) =>
        fast
          .channel('fast')
          .on<Note>('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'notes' }, (p) => fastVersions.push(Number(p.new.version)))
          .subscribe((s) => {
            fastStatuses.push(s);
            if (s === 'SUBSCRIBED') resolve();
          }),
      );

      transport.stall();
      for (let v = 2; v <= UPDATES + 1; v++) {
        await stack.db.query(`update notes set title = $2, version = $3, body = repeat('x', $4) where id = $1`, [id, `v${v}`, v, BODY_BYTES]);
      }
      await waitFor(() => fastVersions.includes(UPDATES + 1) || fastStatuses.length > 1, 60_000, 'fast reader got the last update');
      expect(fastVersions).toEqual(Array.from({ length: UPDATES }, (_, k) => k + 2));
      expect(fastStatuses).toEqual(['SUBSCRIBED']);

      // Reading again, the stalled client finds its connection cut (1006: no close frame, since one
      // would queue behind everything unsent), and recovers on its own.
      transport.resume();
      await waitFor(() => transport.closeCodes.length > 0, 15_000, 'stalled socket closed by the stack');
      expect(transport.closeCodes).toEqual([1006]);
      await waitFor(() => statuses.includes('reconnecting'), 15_000, 'view reconnecting');
      await waitFor(
        () => view.getStatus() === 'live' && view.getRows().find((r) => r.id === id)?.version === UPDATES + 1,
        20_000,
        'view resynced to the last version',
      );
      expect(view.getRows().find((r) => r.id === id)?.title).toBe(`v${UPDATES + 1}`);
      expect(statuses).toContain('syncing');
    } finally {
      stop();
    }
  });
});
