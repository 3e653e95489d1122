/**
 * The live-view engine with a fake client and channel (no network): snapshot and changes merged by
 * key and version, changes held while a snapshot loads, a fresh snapshot after every drop, and the
 * reread path of embedded selects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import type { LiveFilter } from './live-filter';
import type { LiveWindow } from './live-window';
import {
  createLiveView,
  type ChangesFilter,
  type ChannelStatus,
  type LiveChannel,
  type LiveClient,
  type LiveSource,
  type LiveView,
  type RowsAnswer,
} from './live-view';

type Rec = { id: number; status: string; title: string; version: number };
type Embedded = Rec & { agency: string };

class FakeChannel implements LiveChannel<Rec> {
  readonly bindings: ChangesFilter[] = [];
  private readonly callbacks: Array<(payload: RealtimePostgresChangesPayload<Rec>) => void> = [];
  private onStatus: ((status: ChannelStatus, err?: Error) => void) | undefined;

  constructor(readonly name: string) {}

  on(_type: 'postgres_changes', filter: ChangesFilter, callback: (payload: RealtimePostgresChangesPayload<Rec>) => void) {
    this.bindings.push(filter);
    this.callbacks.push(callback);
    return this;
  }

  subscribe(callback: (status: ChannelStatus, err?: Error) => void) {
    this.onStatus = callback;
    return this;
  }

  status(s: ChannelStatus) {
    this.onStatus?.(s, s === 'SUBSCRIBED' ? undefined : new Error(s));
  }

  /** Delivers a change to the binding of its event, as the server would (one binding per event). */
  deliver(payload: RealtimePostgresChangesPayload<Rec>) {
    const i = this.bindings.findIndex((b) => b.table === payload.table && (b.event === payload.eventType || b.event === '*'));
    if (i >= 0) this.callbacks[i](payload);
  }
}

class FakeClient implements LiveClient<Rec> {
  readonly channels: FakeChannel[] = [];
  readonly removed: FakeChannel[] = [];

  channel(name: string) {
    const ch = new FakeChannel(name);
    this.channels.push(ch);
    return ch;
  }

  async removeChannel(channel: LiveChannel<Rec>) {
    const ch = this.channels.find((c) => c === channel);
    if (ch) this.removed.push(ch);
    return 'ok';
  }

  get last(): FakeChannel {
    return this.channels[this.channels.length - 1];
  }
}

/** Answers handed out one by one, resolved by the test when it chooses. */
function answers<Data>() {
  const pending: Array<(answer: RowsAnswer<Data>) => void> = [];
  return {
    next: () => new Promise<RowsAnswer<Data>>((resolve) => pending.push(resolve)),
    get count() {
      return pending.length;
    },
    resolve(data: Data) {
      const r = pending.shift();
      if (!r) throw new Error('no request is waiting');
      r({ data, error: null });
    },
    fail(message: string) {
      const r = pending.shift();
      if (!r) throw new Error('no request is waiting');
      r({ data: null, error: { message } });
    },
  };
}

const rec = (id: number, version: number, status = 'open', title = `#${id} v${version}`): Rec => ({ id, status, title, version });

const base = { schema: 'public', table: 'items', commit_timestamp: '2026-11-28T00:00:00Z', errors: [] };
const insert = (r: Rec): RealtimePostgresChangesPayload<Rec> => ({ ...base, eventType: 'INSERT', new: r, old: {} });
const update = (r: Rec): RealtimePostgresChangesPayload<Rec> => ({ ...base, eventType: 'UPDATE', new: r, old: { id: r.id } });
const remove = (id: number): RealtimePostgresChangesPayload<Rec> => ({ ...base, eventType: 'DELETE', new: {}, old: { id } });

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

let stops: Array<() => void> = [];
beforeEach(() => {
  stops = [];
});
afterEach(() => {
  for (const stop of stops) stop();
  vi.useRealTimers();
});

function plainView(filter?: LiveFilter<keyof Rec & string>) {
  const client = new FakeClient();
  const snapshots = answers<Rec[]>();
  const source: LiveSource<Rec, Rec> = { snapshot: snapshots.next, fromRecord: (r) => r };
  const view = createLiveView<Rec, Rec>({ client, table: 'items', source, key: 'id', version: 'version', filter, reopenDelayMs: 5 });
  const statuses: string[] = [];
  stops.push(view.subscribe(() => statuses.push(view.getStatus())));
  return { client, snapshots, view, statuses };
}

/** A bounded view: open rows always, and the two done rows of the highest versions. */
function windowedView() {
  const client = new FakeClient();
  const snapshots = answers<Rec[]>();
  const source: LiveSource<Rec, Rec> = { snapshot: snapshots.next, fromRecord: (r) => r };
  const window: LiveWindow<keyof Rec & string> = {
    always: { column: 'status', op: 'eq', value: 'open' },
    recent: { column: 'status', op: 'eq', value: 'done' },
    newest: 'version',
    limit: 2,
  };
  const view = createLiveView<Rec, Rec>({ client, table: 'items', source, key: 'id', version: 'version', window });
  stops.push(view.subscribe(() => undefined));
  return { client, snapshots, view };
}

const ids = (view: LiveView<{ id: number; version: number }>) => view.getRows().map((r) => `${r.id}@${r.version}`);

describe('live view engine', () => {
  it('takes the snapshot when the channel is subscribed, then follows changes by key and version', async () => {
    const { client, snapshots, view } = plainView();
    expect(view.getStatus()).toBe('connecting');
    expect(snapshots.count).toBe(0);
    client.last.status('SUBSCRIBED');
    expect(view.getStatus()).toBe('syncing');
    snapshots.resolve([rec(1, 1), rec(2, 3)]);
    await flush();
    expect(view.getStatus()).toBe('live');
    client.last.deliver(update(rec(2, 2)));
    client.last.deliver(update(rec(1, 2)));
    client.last.deliver(insert(rec(3, 1)));
    client.last.deliver(remove(1));
    expect(ids(view)).toEqual(['2@3', '3@1']);
  });

  it('holds the changes that arrive while the snapshot loads and applies them on top of it', async () => {
    const { client, snapshots, view } = plainView();
    client.last.status('SUBSCRIBED');
    client.last.deliver(update(rec(1, 5)));
    client.last.deliver(insert(rec(4, 1)));
    client.last.deliver(update(rec(2, 1)));
    expect(view.getRows()).toEqual([]);
    snapshots.resolve([rec(1, 4), rec(2, 2)]);
    await flush();
    expect(ids(view)).toEqual(['1@5', '2@2', '4@1']);
  });

  it('after CHANNEL_ERROR, ignores changes until it is subscribed again, and the fresh snapshot replaces the rows', async () => {
    const { client, snapshots, view, statuses } = plainView();
    client.last.status('SUBSCRIBED');
    snapshots.resolve([rec(1, 1), rec(2, 1)]);
    await flush();
    client.last.status('CHANNEL_ERROR');
    expect(view.getStatus()).toBe('reconnecting');
    client.last.deliver(insert(rec(9, 1)));
    client.last.status('SUBSCRIBED');
    expect(statuses.slice(-2)).toEqual(['reconnecting', 'syncing']);
    snapshots.resolve([rec(2, 2), rec(3, 1)]);
    await flush();
    expect(view.getStatus()).toBe('live');
    expect(ids(view)).toEqual(['2@2', '3@1']);
  });

  it('after CLOSED, opens a new channel whose snapshot replaces the rows, and ignores the old channel', async () => {
    const { client, snapshots, view } = plainView();
    const first = client.last;
    first.status('SUBSCRIBED');
    snapshots.resolve([rec(1, 1)]);
    await flush();
    first.status('CLOSED');
    expect(view.getStatus()).toBe('reconnecting');
    await new Promise((r) => setTimeout(r, 20));
    expect(client.channels).toHaveLength(2);
    expect(client.removed).toContain(first);
    const second = client.last;
    expect(second.name).not.toBe(first.name);
    second.status('SUBSCRIBED');
    first.deliver(insert(rec(7, 1)));
    first.status('SUBSCRIBED');
    expect(snapshots.count).toBe(1);
    snapshots.resolve([rec(2, 1)]);
    await flush();
    first.deliver(insert(rec(8, 1)));
    second.deliver(insert(rec(3, 1)));
    expect(ids(view)).toEqual(['2@1', '3@1']);
  });

  it('with a window, keeps a row that finishes, drops the oldest finished one, and lets go of rows of neither part', async () => {
    const { client, snapshots, view } = windowedView();
    client.last.status('SUBSCRIBED');
    snapshots.resolve([rec(1, 1, 'open'), rec(2, 5, 'done'), rec(3, 6, 'done')]);
    await flush();
    client.last.deliver(update(rec(1, 7, 'done')));
    expect(ids(view)).toEqual(['1@7', '3@6']);
    client.last.deliver(insert(rec(4, 1, 'open')));
    client.last.deliver(insert(rec(5, 1, 'archived')));
    expect(ids(view)).toEqual(['1@7', '3@6', '4@1']);
    client.last.deliver(update(rec(3, 8, 'archived')));
    expect(ids(view)).toEqual(['1@7', '4@1']);
  });

  it('asks the server to filter inserts only, and drops a row that an update takes out of the filter', async () => {
    const { client, snapshots, view } = plainView({ column: 'status', op: 'in', value: ['open', 'busy'] });
    expect(client.last.bindings).toEqual([
      { schema: 'public', table: 'items', event: 'INSERT', filter: 'status=in.(open,busy)' },
      { schema: 'public', table: 'items', event: 'UPDATE' },
      { schema: 'public', table: 'items', event: 'DELETE' },
    ]);
    client.last.status('SUBSCRIBED');
    snapshots.resolve([rec(1, 1), rec(2, 1, 'busy')]);
    await flush();
    client.last.deliver(update(rec(1, 2, 'closed')));
    client.last.deliver(update(rec(5, 1, 'closed')));
    client.last.deliver(update(rec(2, 2, 'open')));
    expect(ids(view)).toEqual(['2@2']);
  });

  it('a delete of a row never seen changes nothing and tells no listener', async () => {
    const { client, snapshots, view } = plainView();
    client.last.status('SUBSCRIBED');
    snapshots.resolve([rec(1, 1)]);
    await flush();
    const rows = view.getRows();
    let calls = 0;
    stops.push(view.subscribe(() => calls++));
    client.last.deliver(remove(42));
    expect(calls).toBe(0);
    expect(view.getRows()).toBe(rows);
  });

  it('tries a failed snapshot again and ignores changes until one succeeds', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    const snapshots = answers<Rec[]>();
    const view = createLiveView<Rec, Rec>({
      client,
      table: 'items',
      source: { snapshot: snapshots.next, fromRecord: (r) => r },
      key: 'id',
      version: 'version',
      retryDelayMs: 100,
    });
    stops.push(view.subscribe(() => {}));
    client.last.status('SUBSCRIBED');
    snapshots.fail('boom');
    await vi.advanceTimersByTimeAsync(0);
    expect(view.getStatus()).toBe('error');
    expect(view.getError()?.message).toBe('boom');
    client.last.deliver(insert(rec(9, 1)));
    await vi.advanceTimersByTimeAsync(100);
    snapshots.resolve([rec(1, 1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.getStatus()).toBe('live');
    expect(ids(view)).toEqual(['1@1']);
  });
});

describe('live view engine, embedded selects', () => {
  function embeddedView() {
    const client = new FakeClient();
    const snapshots = answers<Embedded[]>();
    const rereads: Array<{ key: string; answer: ReturnType<typeof answers<Embedded | null>> }> = [];
    const source: LiveSource<Rec, Embedded> = {
      snapshot: snapshots.next,
      reread: (key) => {
        const answer = answers<Embedded | null>();
        const request = answer.next();
        rereads.push({ key, answer });
        return request;
      },
    };
    const filter: LiveFilter<keyof Rec & string> = { column: 'status', op: 'eq', value: 'open' };
    const view = createLiveView<Rec, Embedded>({ client, table: 'items', source, key: 'id', version: 'version', filter, reopenDelayMs: 5 });
    stops.push(view.subscribe(() => {}));
    return { client, snapshots, rereads, view };
  }

  const embedded = (r: Rec, agency = 'damkar'): Embedded => ({ ...r, agency });

  it('reads the row of each change again, and of each change held during the snapshot', async () => {
    const { client, snapshots, rereads, view } = embeddedView();
    client.last.status('SUBSCRIBED');
    client.last.deliver(update(rec(2, 2)));
    expect(rereads).toEqual([]);
    snapshots.resolve([embedded(rec(1, 1)), embedded(rec(2, 1))]);
    await flush();
    expect(rereads.map((r) => r.key)).toEqual(['2']);
    rereads[0].answer.resolve(embedded(rec(2, 2), 'ambulans'));
    await flush();
    client.last.deliver(insert(rec(3, 1)));
    expect(rereads.map((r) => r.key)).toEqual(['2', '3']);
    rereads[1].answer.resolve(embedded(rec(3, 1)));
    await flush();
    expect(view.getRows()).toEqual([embedded(rec(1, 1)), embedded(rec(2, 2), 'ambulans'), embedded(rec(3, 1))]);
  });

  it('takes a new snapshot after a failed reread, and is live again with the row as it is now', async () => {
    vi.useFakeTimers();
    const { client, snapshots, rereads, view } = embeddedView();
    client.last.status('SUBSCRIBED');
    snapshots.resolve([embedded(rec(1, 1)), embedded(rec(2, 1))]);
    await vi.advanceTimersByTimeAsync(0);
    client.last.deliver(update(rec(2, 2)));
    rereads[0].answer.fail('The embedded stack is busy');
    await vi.advanceTimersByTimeAsync(0);
    expect(view.getStatus()).toBe('error');
    expect(view.getError()?.message).toBe('The embedded stack is busy');
    await vi.advanceTimersByTimeAsync(2000);
    snapshots.resolve([embedded(rec(1, 1)), embedded(rec(2, 3), 'ambulans')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.getStatus()).toBe('live');
    expect(view.getRows()).toEqual([embedded(rec(1, 1)), embedded(rec(2, 3), 'ambulans')]);
  });

  it('drops a row the reread no longer finds, and one that leaves the filter without a request', async () => {
    const { client, snapshots, rereads, view } = embeddedView();
    client.last.status('SUBSCRIBED');
    snapshots.resolve([embedded(rec(1, 1)), embedded(rec(2, 1))]);
    await flush();
    client.last.deliver(update(rec(1, 2)));
    rereads[0].answer.resolve(null);
    client.last.deliver(update(rec(2, 2, 'closed')));
    await flush();
    expect(rereads).toHaveLength(1);
    expect(view.getRows()).toEqual([]);
  });

  it('keeps a newer row when an older reread answers late, and ignores a reread of a closed channel', async () => {
    const { client, snapshots, rereads, view } = embeddedView();
    const first = client.last;
    first.status('SUBSCRIBED');
    snapshots.resolve([embedded(rec(1, 3))]);
    await flush();
    first.deliver(update(rec(1, 4)));
    rereads[0].answer.resolve(embedded(rec(1, 2)));
    await flush();
    expect(ids(view)).toEqual(['1@3']);
    first.deliver(update(rec(1, 5)));
    first.status('CLOSED');
    await new Promise((r) => setTimeout(r, 20));
    client.last.status('SUBSCRIBED');
    snapshots.resolve([embedded(rec(1, 5), 'polisi')]);
    await flush();
    rereads[1].answer.resolve(embedded(rec(1, 6), 'stale'));
    await flush();
    expect(view.getRows()).toEqual([embedded(rec(1, 5), 'polisi')]);
  });
  it('reads again the rows that embed a followed row when that row is updated, and only those', async () => {
    const client = new FakeClient();
    const snapshots = answers<Embedded[]>();
    const rereads: Array<{ key: string; answer: ReturnType<typeof answers<Embedded | null>> }> = [];
    const source: LiveSource<Rec, Embedded> = {
      snapshot: snapshots.next,
      reread: (key) => {
        const answer = answers<Embedded | null>();
        const request = answer.next();
        rereads.push({ key, answer });
        return request;
      },
    };
    // `agency` stands for the embedded row's id (an assignment's incident_id).
    const view = createLiveView<Rec, Embedded>({ client, table: 'items', source, key: 'id', version: 'version', follow: { table: 'agencies', column: 'agency' } });
    stops.push(view.subscribe(() => {}));
    expect(client.last.bindings).toContainEqual({ schema: 'public', table: 'agencies', event: 'UPDATE' });
    client.last.status('SUBSCRIBED');
    snapshots.resolve([embedded(rec(1, 1), '7'), embedded(rec(2, 1), '8')]);
    await flush();
    client.last.deliver({ ...update(rec(7, 3)), table: 'agencies' });
    expect(rereads.map((r) => r.key)).toEqual(['1']);
    // The embedding row's own version did not move: the reread still replaces it.
    rereads[0].answer.resolve({ ...embedded(rec(1, 1), '7'), title: 'closed upstream' });
    await flush();
    expect(view.getRows().map((r) => r.title)).toEqual(['closed upstream', '#2 v1']);
  });
});
