/**
 * A live view of one table, without React: load a snapshot over REST, apply postgres_changes merged
 * by primary key and version, and take a fresh snapshot every time the channel (re)subscribes, so a
 * dropped connection never leaves a stale screen. Changes that arrive while a snapshot is loading
 * are held and applied on top of it; with a `version` column an older change never overwrites a
 * newer row. The rows themselves are kept by `live-rows-state.ts`; how they are read is the source's
 * business (`live-table.ts` builds it for the tables of the schema), so tests can drive this in Node.
 *
 * Limits inherited from Supabase Realtime: an UPDATE that makes a row invisible to the viewer under
 * RLS is not delivered, so that row stays until the next resubscribe.
 */
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { filterString, matchesLiveFilter, type LiveFilter } from './live-filter';
import { createLiveRowsState, type LiveChange, type LiveRow } from './live-rows-state';
import { checkWindow, windowPart, type LiveWindow } from './live-window';

export type LiveStatus = 'idle' | 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'error' | 'closed';

export type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';

/** The subscription a view asks for: `filter` only on INSERT (see `open`). */
export interface ChangesFilter {
  event: 'INSERT' | 'UPDATE' | 'DELETE' | '*';
  schema: string;
  table: string;
  filter?: string;
}

/** The part of a realtime channel a live view uses; supabase-js's `RealtimeChannel` has it. */
export interface LiveChannel<Rec extends LiveRow> {
  on(type: 'postgres_changes', filter: ChangesFilter, callback: (payload: RealtimePostgresChangesPayload<Rec>) => void): LiveChannel<Rec>;
  subscribe(callback: (status: ChannelStatus, err?: Error) => void): unknown;
}

/** The part of a client a live view uses for realtime; `Db` has it. */
export interface LiveClient<Rec extends LiveRow> {
  channel(name: string): LiveChannel<Rec>;
  removeChannel(channel: LiveChannel<Rec>): Promise<unknown>;
}

/** A PostgREST answer, as supabase-js gives it. */
export type RowsAnswer<Data> = { data: Data; error: null } | { data: null; error: { message: string } };

/** Where the rows come from, and what a change record says about its row. */
export type LiveSource<Rec extends LiveRow, Row extends LiveRow> = {
  /** Every row of the view, with the view's filter applied. */
  snapshot(): PromiseLike<RowsAnswer<Row[]>>;
} & (
  | {
      /** The record of a change carries the whole row (plain columns): it applies without a request. */
      fromRecord(record: Rec): Row;
    }
  | {
      /** The view's row is more than the record (an embedded select): read it again, filtered; null when gone. */
      reread(key: string): PromiseLike<RowsAnswer<Row | null>>;
    }
);

export interface LiveViewOptions<Rec extends LiveRow, Row extends LiveRow> {
  client: LiveClient<Rec>;
  table: string;
  source: LiveSource<Rec, Row>;
  /** Primary-key column (single column), in the records and in the rows. */
  key: keyof Rec & keyof Row & string;
  /** Column that grows with every update (e.g. `version`): an older change never replaces a newer row. */
  version?: keyof Row & string;
  /** Must be the filter `source` reads with: it also decides which changes enter the view. */
  filter?: LiveFilter<keyof Rec & string>;
  /**
   * A bounded view (live-window.ts): of the filter's rows, only this window. Must be the window
   * `source` reads its snapshot with; a change that leaves both parts leaves the view, and a row
   * pushed out of the newest `limit` is dropped.
   */
  window?: LiveWindow<keyof Rec & keyof Row & string>;
  /** Order of getRows(); default: snapshot order, new rows last. */
  sort?: (a: Row, b: Row) => number;
  /**
   * An embedded row of another table (e.g. an assignment's incident): an update of that table reads
   * again the view's rows whose `column` holds the updated row's `id`, on the same channel. Without
   * it an incident closed after its last assignment step stayed "resolved" in an OPD inbox until the
   * next resubscribe (found by the disaster-day benchmark's fresh-read comparison).
   */
  follow?: { table: string; column: keyof Row & string };
  /** Delay before reopening a channel the server closed (e.g. an expired token). */
  reopenDelayMs?: number;
  /** Delay before trying a failed snapshot again. */
  retryDelayMs?: number;
}

export interface LiveView<Row> {
  /** Adds a listener; the first one opens the channel, the last one to leave closes it. */
  subscribe(listener: () => void): () => void;
  getRows(): readonly Row[];
  getStatus(): LiveStatus;
  getError(): Error | undefined;
  /** Takes a fresh snapshot now; resolves when it is applied. */
  refresh(): Promise<void>;
}

const SCHEMA = 'public';
let viewCounter = 0;

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

export function createLiveView<Rec extends LiveRow, Row extends LiveRow>(opts: LiveViewOptions<Rec, Row>): LiveView<Row> {
  const { client, source, key, filter } = opts;
  const bound = opts.window && checkWindow(opts.window);
  const state = createLiveRowsState<Row>({ key, version: opts.version, window: bound });
  const viewId = ++viewCounter;

  const listeners = new Set<() => void>();
  let list: readonly Row[] = [];
  let status: LiveStatus = 'idle';
  let error: Error | undefined;
  let channel: LiveChannel<Rec> | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function emit() {
    const all = state.values();
    list = opts.sort ? all.sort(opts.sort) : all;
    for (const l of [...listeners]) l();
  }

  function setStatus(s: LiveStatus, err?: Error) {
    status = s;
    error = err;
    emit();
  }

  function toChange(change: RealtimePostgresChangesPayload<Rec>): LiveChange<Row> {
    if (change.eventType === 'DELETE') return { type: 'delete', key: String(change.old[key]) };
    const record = change.new;
    const k = String(record[key]);
    if (!matchesLiveFilter(record, filter) || (bound && windowPart(record, bound) === null)) return { type: 'delete', key: k };
    return 'fromRecord' in source ? { type: 'upsert', key: k, row: source.fromRecord(record) } : { type: 'reread', key: k };
  }

  /** The view lost track of its rows (a failed snapshot or reread): read them all again shortly. */
  function snapshotAgainLater(gen: number, err: unknown) {
    state.suspend();
    setStatus('error', asError(err));
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (gen === generation) void resync(gen);
    }, opts.retryDelayMs ?? 2000);
  }

  function reread(k: string, gen: number) {
    if ('fromRecord' in source) return;
    (async () => {
      const { data, error: err } = await source.reread(k);
      if (gen !== generation) return;
      if (err) throw new Error(err.message);
      if (state.settle(k, data)) emit();
    })().catch((err: unknown) => {
      // A reread refused or lost (a busy stack on a disaster day): without a new snapshot the row
      // would stay as it was, and so would the status, for as long as the page is open.
      if (gen === generation) snapshotAgainLater(gen, err);
    });
  }

  function onChange(change: RealtimePostgresChangesPayload<Rec>, gen: number) {
    if (gen !== generation) return;
    const c = toChange(change);
    const outcome = state.receive(c);
    if (outcome === 'applied') emit();
    else if (outcome === 'reread') reread(c.key, gen);
  }

  function onFollowed(change: RealtimePostgresChangesPayload<LiveRow>, gen: number) {
    if (gen !== generation || !opts.follow || change.eventType !== 'UPDATE') return;
    const { column } = opts.follow;
    const id = String(change.new.id);
    for (const row of state.values()) {
      if (String(row[column]) !== id) continue;
      const k = String(row[key]);
      if (state.receive({ type: 'reread', key: k }) === 'reread') reread(k, gen);
    }
  }

  async function resync(gen: number): Promise<void> {
    state.beginSnapshot();
    setStatus('syncing');
    try {
      const { data, error: err } = await source.snapshot();
      if (gen !== generation) return;
      if (err) throw new Error(err.message);
      for (const k of state.applySnapshot(data)) reread(k, gen);
      setStatus('live');
    } catch (err) {
      // The channel is still joined: try the snapshot again shortly.
      if (gen === generation) snapshotAgainLater(gen, err);
    }
  }

  function open() {
    const gen = ++generation;
    setStatus(status === 'idle' || status === 'closed' ? 'connecting' : 'reconnecting', error);
    const ch = client.channel(`live:${SCHEMA}.${opts.table}:${viewId}.${gen}`);
    const base = { schema: SCHEMA, table: opts.table };
    const handler = (p: RealtimePostgresChangesPayload<Rec>) => onChange(p, gen);
    if (filter) {
      // INSERTs can be filtered by the server; UPDATEs and DELETEs must also reach us for rows that
      // leave the filter (and a DELETE carries only the key, which a filter on another column drops).
      ch.on('postgres_changes', { ...base, event: 'INSERT', filter: filterString(filter) }, handler)
        .on('postgres_changes', { ...base, event: 'UPDATE' }, handler)
        .on('postgres_changes', { ...base, event: 'DELETE' }, handler);
    } else {
      ch.on('postgres_changes', { ...base, event: '*' }, handler);
    }
    if (opts.follow) ch.on('postgres_changes', { schema: SCHEMA, table: opts.follow.table, event: 'UPDATE' }, (p) => onFollowed(p, gen));
    channel = ch;
    ch.subscribe((s, err) => {
      if (gen !== generation) return;
      if (s === 'SUBSCRIBED') void resync(gen);
      else if (s === 'CHANNEL_ERROR' || s === 'TIMED_OUT') {
        // The client library rejoins by itself; the next SUBSCRIBED takes a fresh snapshot.
        state.suspend();
        setStatus('reconnecting', err);
      } else if (s === 'CLOSED') {
        // Closed by the server (e.g. the token expired): open a new channel after a pause.
        state.suspend();
        setStatus('reconnecting', err);
        timer = setTimeout(() => {
          if (gen === generation && listeners.size) {
            void client.removeChannel(ch);
            open();
          }
        }, opts.reopenDelayMs ?? 1000);
      }
    });
  }

  function close() {
    generation++;
    clearTimeout(timer);
    clearTimeout(retryTimer);
    state.suspend();
    const ch = channel;
    channel = undefined;
    status = 'closed';
    if (ch) {
      client.removeChannel(ch).catch((err: unknown) => {
        error = asError(err);
      });
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) open();
      return () => {
        listeners.delete(listener);
        if (!listeners.size) close();
      };
    },
    getRows: () => list,
    getStatus: () => status,
    getError: () => error,
    async refresh() {
      if (!channel) return;
      await resync(generation);
    },
  };
}
