/**
 * The live-view engine (lib/realtime/live-view.ts) against the embedded stack: snapshot over REST,
 * changes over Realtime, and after the websocket is cut mid-stream and rows change while it is
 * down, the view equals a fresh query again. The server clients' transport (NodeRealtimeTransport)
 * carries the websocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { filterOperand, type LiveFilter } from '../../lib/realtime/live-filter.ts';
import { createLiveView, type LiveView } from '../../lib/realtime/live-view.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { fixtureMigrations, USER_A, USER_B, userToken, waitFor } from './fixtures/realtime/helpers.ts';

type Note = { id: number; owner: string; title: string; n: number; body: string | null; version: number };

/** The fixture's table as gen-types would write it, so supabase-js types the reads. */
type NotesDatabase = {
  public: {
    Tables: { notes: { Row: Note; Insert: Partial<Note>; Update: Partial<Note>; Relationships: [] } };
    Views: Record<never, never>;
    Functions: Record<never, never>;
    Enums: Record<never, never>;
    CompositeTypes: Record<never, never>;
  };
};
type NotesClient = SupabaseClient<NotesDatabase>;

/** The server clients' transport, keeping its sockets so a test can cut them. */
class CuttableTransport extends NodeRealtimeTransport {
  static readonly sockets = new Set<CuttableTransport>();
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    CuttableTransport.sockets.add(this);
  }
  /** Cuts the websocket the way a network failure would: no close handshake. */
  cut() {
    this.socket.terminate();
    CuttableTransport.sockets.delete(this);
  }
}

/** A client acting as one user for REST and Realtime alike (supabase-js `accessToken` option). */
async function userClient(url: string, sub: string): Promise<NotesClient> {
  const token = await userToken(sub);
  return createClient<NotesDatabase>(url, DEMO_ANON_KEY, {
    accessToken: async () => token,
    realtime: { transport: CuttableTransport, heartbeatIntervalMs: 1000 },
  });
}

function cutSockets() {
  for (const socket of [...CuttableTransport.sockets]) socket.cut();
}

/** A view of notes the way live-table.ts builds one for the app's tables: plain columns, filtered. */
function notesView(client: NotesClient, filter?: LiveFilter<keyof Note & string>): LiveView<Note> {
  return createLiveView<Note, Note>({
    client,
    table: 'notes',
    key: 'id',
    version: 'version',
    filter,
    source: {
      snapshot: () => {
        const request = client.from('notes').select('*');
        return filter ? request.filter(filter.column, filter.op, filterOperand(filter)) : request;
      },
      fromRecord: (record) => record,
    },
  });
}

const byId = (a: Note, b: Note) => a.id - b.id;

/**
 * #19's fault "websocket cut every 10 s": CI cuts 3 times; `npx tsx bench/websocket-cuts.ts` runs
 * the five-minute variant through the same test (WS_CUT_COUNT=30).
 */
const CUT_EVERY_MS = Number(process.env.WS_CUT_EVERY_MS ?? 10_000);
const CUT_COUNT = Number(process.env.WS_CUT_COUNT ?? 3);

describe.each(backends)('live view on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  let client: NotesClient;
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
    return data.filter(filter ?? (() => true)).sort(byId);
  }

  function start(view: LiveView<Note>) {
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
    const view = start(notesView(client));
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
    const view = start(notesView(client, { column: 'n', op: 'gte', value: 5 }));
    await settlesTo(view, (n) => n.n >= 5);
    await stack.db.query(`update notes set n = 0, version = version + 1 where owner = $1 and n = 5`, [USER_A]);
    await stack.db.query(`update notes set n = 60, version = version + 1 where owner = $1 and n = 4`, [USER_A]);
    await settlesTo(view, (n) => n.n >= 5);
  });

  it('resyncs after the websocket is cut and rows change while it is down', async () => {
    const view = start(notesView(client));
    await settlesTo(view);
    const seen: string[] = [];
    stops.push(view.subscribe(() => seen.push(view.getStatus())));
    cutSockets();
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

  it(`stays exact with its websocket cut every ${CUT_EVERY_MS / 1000} s (${CUT_COUNT} cuts) while rows keep changing`, async () => {
    const view = start(notesView(client));
    await settlesTo(view);
    const statuses: string[] = [];
    stops.push(view.subscribe(() => statuses.push(view.getStatus())));
    // A writer that never pauses: inserts, edits and deletes of the viewer's own rows, every 100 ms.
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const op = i % 3;
        if (op === 0) await stack.db.query(`insert into notes (owner, title, n) values ($1, 'cut run ' || $2::int, 1000 + $2::int)`, [USER_A, i]);
        else if (op === 1) await stack.db.query(`update notes set title = 'cut edit ' || $2::int, version = version + 1 where id = (select max(id) from notes where owner = $1)`, [USER_A, i]);
        else if (i % 9 === 2) await stack.db.query(`delete from notes where id = (select min(id) from notes where owner = $1 and n >= 1000)`, [USER_A]);
        writes++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = Date.now();
    try {
      for (let cut = 1; cut <= CUT_COUNT; cut++) {
        await new Promise((r) => setTimeout(r, Math.max(0, started + cut * CUT_EVERY_MS - Date.now())));
        cutSockets();
        await waitFor(() => statuses.filter((s) => s === 'reconnecting').length >= cut, 5000, `reconnecting after cut ${cut}`);
      }
    } finally {
      writing = false;
      await writer;
    }
    const after = await settlesTo(view);
    // Keyed by id: a change applied twice would show as a wrong version or title, never as a second row.
    expect(new Set(after.map((n) => n.id)).size).toBe(after.length);
    expect(writes).toBeGreaterThan(CUT_COUNT * 10);
    expect(statuses.filter((s) => s === 'syncing').length).toBeGreaterThanOrEqual(CUT_COUNT);
  }, CUT_EVERY_MS * CUT_COUNT + 60_000);
});
