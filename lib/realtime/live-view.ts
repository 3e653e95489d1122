/**
 * A live view of one table, without React: load a snapshot over REST, apply postgres_changes merged
 * by primary key and version, and take a fresh snapshot every time the channel (re)subscribes, so a
 * dropped connection never leaves a stale screen. Changes that arrive while a snapshot is loading
 * are held and applied on top of it; with a `version` column an older change never overwrites a
 * newer row. The React hook `use-live-rows.ts` wraps it; tests drive it directly in Node.
 *
 * Limits inherited from Supabase Realtime: an UPDATE that makes a row invisible to the viewer under
 * RLS is not delivered, so that row stays until the next resubscribe.
 */
import type { RealtimeChannel, RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';

export type LiveStatus = 'idle' | 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'error' | 'closed';

export type LiveFilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
type Scalar = string | number | boolean;

export interface LiveFilter {
  column: string;
  op: LiveFilterOp;
  /** One value, or a list for `in`. */
  value: Scalar | readonly Scalar[];
}

export type LiveRow = Record<string, unknown>;

export interface LiveViewOptions<Row extends LiveRow> {
  client: SupabaseClient;
  table: string;
  schema?: string;
  /** PostgREST select; embedded resources or aliases make each change refetch its row. */
  select?: string;
  filter?: LiveFilter;
  /** Primary-key column (single column). */
  key?: keyof Row & string;
  /** Column that grows with every update (e.g. `version`): an older change never replaces a newer row. */
  version?: keyof Row & string;
  /** Order of getRows(); default: snapshot order, new rows last. */
  sort?: (a: Row, b: Row) => number;
  /** Delay before reopening a channel the server closed (e.g. an expired token). */
  reopenDelayMs?: number;
}

export interface LiveView<Row extends LiveRow> {
  /** Adds a listener; the first one opens the channel, the last one to leave closes it. */
  subscribe(listener: () => void): () => void;
  getRows(): readonly Row[];
  getStatus(): LiveStatus;
  getError(): Error | undefined;
  /** Takes a fresh snapshot now; resolves when it is applied. */
  refresh(): Promise<void>;
}

let viewCounter = 0;

function literal(v: Scalar): string {
  const s = String(v);
  return /[,()"\s]/.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : s;
}

export function filterString(f: LiveFilter): string {
  const v = Array.isArray(f.value) ? `(${(f.value as readonly Scalar[]).map(literal).join(',')})` : String(f.value as Scalar);
  return `${f.column}=${f.op}.${v}`;
}

/** Inverse of filterString, for callers that keep a filter as a stable string (React dependencies). */
export function parseLiveFilter(text: string): LiveFilter {
  const m = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/s.exec(text);
  if (!m) throw new Error(`invalid live filter "${text}"`);
  const [, column, op, raw] = m;
  if (op !== 'in') return { column, op: op as LiveFilterOp, value: raw };
  const inner = raw.replace(/^\(|\)$/g, '');
  const values = (inner.match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? []).map((v) =>
    v.startsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v,
  );
  return { column, op: 'in', value: values };
}

function compareValues(a: unknown, b: Scalar): number {
  if (typeof a === 'number' && (typeof b === 'number' || !Number.isNaN(Number(b)))) return a - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The same test the server applies, so a row updated out of the filter leaves the view. */
export function matchesLiveFilter(row: LiveRow, f: LiveFilter | undefined): boolean {
  if (!f) return true;
  const v = row[f.column];
  if (v === null || v === undefined) return false;
  const values = Array.isArray(f.value) ? (f.value as readonly Scalar[]) : [f.value as Scalar];
  const c = compareValues(v, values[0]);
  switch (f.op) {
    case 'eq':
      return c === 0;
    case 'neq':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'gt':
      return c > 0;
    case 'gte':
      return c >= 0;
    case 'in':
      return values.some((x) => compareValues(v, x) === 0);
  }
}

export function createLiveView<Row extends LiveRow>(opts: LiveViewOptions<Row>): LiveView<Row> {
  const schema = opts.schema ?? 'public';
  const select = opts.select ?? '*';
  const key = (opts.key ?? 'id') as string;
  const version = opts.version as string | undefined;
  const plainColumns = select === '*' ? undefined : /^[\w\s,]+$/.test(select) ? select.split(',').map((s) => s.trim()) : null;
  const refetchRows = plainColumns === null;
  const viewId = ++viewCounter;

  const listeners = new Set<() => void>();
  let rows = new Map<string, Row>();
  let list: readonly Row[] = [];
  let status: LiveStatus = 'idle';
  let error: Error | undefined;
  let channel: RealtimeChannel | undefined;
  let generation = 0;
  let buffer: Array<RealtimePostgresChangesPayload<LiveRow>> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let syncRun: Promise<void> | undefined;

  function emit() {
    const all = [...rows.values()];
    list = opts.sort ? all.sort(opts.sort) : all;
    for (const l of [...listeners]) l();
  }

  function setStatus(s: LiveStatus, err?: Error) {
    status = s;
    error = err;
    emit();
  }

  function newer(incoming: LiveRow, current: Row | undefined): boolean {
    if (!version || !current) return true;
    const a = incoming[version];
    const b = current[version];
    if (typeof a === 'number' && typeof b === 'number') return a >= b;
    return String(a) >= String(b);
  }

  function shape(record: LiveRow): Row {
    if (!plainColumns) return record as Row;
    const out: LiveRow = {};
    for (const c of plainColumns) out[c] = record[c];
    return out as Row;
  }

  function query() {
    let q = opts.client.schema(schema).from(opts.table).select(select);
    if (opts.filter) {
      const s = filterString(opts.filter);
      q = q.filter(opts.filter.column, opts.filter.op, s.slice(s.indexOf('.') + 1));
    }
    return q;
  }

  async function refetch(id: unknown, gen: number) {
    const { data, error: err } = await query().eq(key, id as Scalar).maybeSingle();
    if (gen !== generation) return;
    if (err) throw new Error(err.message);
    const k = String(id);
    const row = data as unknown as Row | null;
    if (!row) rows.delete(k);
    else if (newer(row, rows.get(k))) rows.set(k, row);
    emit();
  }

  function apply(change: RealtimePostgresChangesPayload<LiveRow>, gen: number): boolean {
    if (change.eventType === 'DELETE') {
      return rows.delete(String((change.old as LiveRow)[key]));
    }
    const record = change.new as LiveRow;
    const k = String(record[key]);
    if (!matchesLiveFilter(record, opts.filter)) return rows.delete(k);
    if (refetchRows) {
      refetch(record[key], gen).catch((err: unknown) => setStatus('error', err instanceof Error ? err : new Error(String(err))));
      return false;
    }
    if (!newer(record, rows.get(k))) return false;
    rows.set(k, shape(record));
    return true;
  }

  function onChange(change: RealtimePostgresChangesPayload<LiveRow>, gen: number) {
    if (gen !== generation) return;
    if (buffer) buffer.push(change);
    else if (status === 'live' && apply(change, gen)) emit();
  }

  function resync(gen: number): Promise<void> {
    buffer = [];
    setStatus('syncing');
    const run = (async () => {
      try {
        const { data, error: err } = await query();
        if (gen !== generation) return;
        if (err) throw new Error(err.message);
        rows = new Map((data as unknown as Row[]).map((r) => [String(r[key]), r]));
        const held = buffer ?? [];
        buffer = null;
        for (const c of held) apply(c, gen);
        setStatus('live');
      } catch (err) {
        if (gen !== generation) return;
        buffer = null;
        setStatus('error', err instanceof Error ? err : new Error(String(err)));
        // The channel is still joined: try the snapshot again shortly.
        timer = setTimeout(() => void resync(gen), 2000);
      }
    })();
    syncRun = run;
    return run;
  }

  function open() {
    const gen = ++generation;
    setStatus(status === 'idle' || status === 'closed' ? 'connecting' : 'reconnecting', error);
    const ch = opts.client.channel(`live:${schema}.${opts.table}:${viewId}.${gen}`);
    const base = { schema, table: opts.table };
    const handler = (p: RealtimePostgresChangesPayload<LiveRow>) => onChange(p, gen);
    if (opts.filter) {
      // INSERTs can be filtered by the server; UPDATEs and DELETEs must also reach us for rows that
      // leave the filter (and a DELETE carries only the key, which a filter on another column drops).
      ch.on('postgres_changes', { ...base, event: 'INSERT', filter: filterString(opts.filter) }, handler)
        .on('postgres_changes', { ...base, event: 'UPDATE' }, handler)
        .on('postgres_changes', { ...base, event: 'DELETE' }, handler);
    } else {
      ch.on('postgres_changes', { ...base, event: '*' }, handler);
    }
    channel = ch;
    ch.subscribe((s, err) => {
      if (gen !== generation) return;
      if (s === 'SUBSCRIBED') void resync(gen);
      else if (s === 'CHANNEL_ERROR' || s === 'TIMED_OUT') {
        // The client library rejoins by itself; the next SUBSCRIBED takes a fresh snapshot.
        buffer = null;
        setStatus('reconnecting', err);
      } else if (s === 'CLOSED') {
        // Closed by the server (e.g. the token expired): open a new channel after a pause.
        buffer = null;
        setStatus('reconnecting', err);
        timer = setTimeout(() => {
          if (gen === generation && listeners.size) {
            void opts.client.removeChannel(ch);
            open();
          }
        }, opts.reopenDelayMs ?? 1000);
      }
    });
  }

  function close() {
    generation++;
    clearTimeout(timer);
    buffer = null;
    const ch = channel;
    channel = undefined;
    status = 'closed';
    if (ch) {
      opts.client.removeChannel(ch).catch((err: unknown) => {
        error = err instanceof Error ? err : new Error(String(err));
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
      if (syncRun) await syncRun;
    },
  };
}
