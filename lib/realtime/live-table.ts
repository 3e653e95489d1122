/**
 * Live views of the schema's tables, typed from the generated types: the table name gives the row
 * type, the filter and key are columns of that table. Rows are either plain columns (each change
 * applies straight from its realtime record) or a select with embedded resources, written on
 * `client.from(table)` with a literal select string so that supabase-js types its rows from the
 * schema's relationships (each change then reads its row again through that select).
 */
import type { Db } from '@/lib/data/db';
import type { Database } from '@/lib/supabase/database.types';
import { filterOperand, type LiveFilter, type LiveFilterOp } from './live-filter';
import type { LiveRow } from './live-rows-state';
import { createLiveView, type LiveSource, type LiveView, type RowsAnswer } from './live-view';
import type { LiveWindow } from './live-window';
import { readSnapshotPages } from './snapshot-pages';

type PublicTables = Database['public']['Tables'];
export type LiveTable = keyof PublicTables & string;
export type TableRow<T extends LiveTable> = PublicTables[T]['Row'];
export type LiveColumn<T extends LiveTable> = keyof TableRow<T> & string;

interface TableViewBase<T extends LiveTable, Row> {
  client: Db;
  table: T;
  filter?: LiveFilter<LiveColumn<T>>;
  sort?: (a: NoInfer<Row>, b: NoInfer<Row>) => number;
  reopenDelayMs?: number;
  /** A bounded view (live-window.ts): the snapshot reads this window, and changes keep to it. */
  window?: LiveWindow<LiveColumn<T> & keyof NoInfer<Row> & string>;
}

export interface ColumnsViewOptions<T extends LiveTable, C extends LiveColumn<T>> extends TableViewBase<T, Pick<TableRow<T>, C>> {
  /** Plain columns of the table (default: all of them); only these are kept. */
  columns?: readonly C[];
  key: NoInfer<C>;
  version?: NoInfer<C>;
}

/** The part of supabase-js's filter builder an embedded select needs here. */
export interface RowsRequest<Column extends string, Row> extends PromiseLike<RowsAnswer<Row[]>> {
  // The rows are inferred from the answer alone: the generic maybeSingle() would infer nothing.
  filter(column: Column, operator: LiveFilterOp, value: string): RowsRequest<Column, NoInfer<Row>>;
  order(column: Column, options?: { ascending?: boolean }): RowsRequest<Column, NoInfer<Row>>;
  limit(count: number): RowsRequest<Column, NoInfer<Row>>;
  maybeSingle(): PromiseLike<RowsAnswer<NoInfer<Row> | null>>;
}

function fromTable<T extends LiveTable>(client: Db, table: T) {
  return client.from(table);
}

/** supabase-js's query builder of one table, typed for it (`client.from(table)`). */
export type TableQuery<T extends LiveTable> = ReturnType<typeof fromTable<T>>;

export interface EmbedViewOptions<T extends LiveTable, Row extends LiveRow> extends TableViewBase<T, Row> {
  /**
   * e.g. `(from) => from.select(SELECT)`, SELECT a literal (`as const`); keep it stable (module level).
   * `nowMs` is the database clock from `now` when given (for a bound such as "the last 24 hours").
   */
  embed: (from: TableQuery<T>, nowMs: number | undefined) => RowsRequest<LiveColumn<T>, Row>;
  /** The database clock, read before every snapshot and reread; needed only by an embed that uses `nowMs`. */
  now?: () => Promise<number>;
  key: LiveColumn<T> & keyof NoInfer<Row>;
  version?: keyof NoInfer<Row> & string;
  /** The embedded table whose updates read the embedding rows again (live-view.ts `follow`). */
  follow?: { table: LiveTable; column: keyof NoInfer<Row> & string };
}

interface Filterable<Column extends string> {
  filter(column: Column, operator: LiveFilterOp, value: string): this;
  order(column: Column, options?: { ascending?: boolean }): this;
  limit(count: number): this;
}

function withFilter<Column extends string, Q extends Filterable<Column>>(request: Q, f: LiveFilter<Column> | undefined): Q {
  return f ? request.filter(f.column, f.op, filterOperand(f)) : request;
}

/** One page of a snapshot (snapshot-pages.ts): the view's filter, in key order, after the last key read. */
export function pageOf<Column extends string, Q extends Filterable<Column>>(request: Q, key: Column, after: string | undefined, limit: number): Q {
  const ordered = request.order(key).limit(limit);
  return after === undefined ? ordered : ordered.filter(key, 'gt', after);
}

/**
 * Every row a view holds, read afresh: the request's rows (the view's filter applied) in keyset
 * pages, or with a window its two parts — every `always` row in pages, and the newest `limit`
 * `recent` rows in one request (`order=newest.desc,key.desc`), both at once. A row that moves from
 * one part to the other between the two reads may come twice (the newer version stays,
 * live-rows-state.ts) or not at all; its change, on the channel already joined, brings it.
 * The views' snapshots and the disaster-day benchmark's fresh reads both read through here.
 */
export async function readViewRows<Column extends string, Q extends Filterable<Column>, Row>(
  request: () => Q,
  run: (q: Q) => PromiseLike<RowsAnswer<Row[]>>,
  key: Column,
  window: LiveWindow<Column> | undefined,
  keyOf: (row: Row) => string,
): Promise<RowsAnswer<Row[]>> {
  const paged = (q: () => Q) => readSnapshotPages((after, limit) => run(pageOf(q(), key, after, limit)), keyOf);
  if (!window) return paged(request);
  const [always, recent] = await Promise.all([
    paged(() => withFilter(request(), window.always)),
    run(withFilter(request(), window.recent).order(window.newest, { ascending: false }).order(key, { ascending: false }).limit(window.limit)),
  ]);
  if (always.error) return always;
  if (recent.error) return recent;
  return { data: [...always.data, ...recent.data], error: null };
}

/** A copy of the record without the columns the view does not keep (the wall holds no free text). */
function pick<R extends object, C extends keyof R>(record: R, columns: ReadonlySet<PropertyKey>): Pick<R, C> {
  const row: Pick<R, C> = { ...record };
  for (const column of Object.keys(row)) if (!columns.has(column)) Reflect.deleteProperty(row, column);
  return row;
}

function columnsSource<T extends LiveTable, C extends LiveColumn<T>>(
  o: ColumnsViewOptions<T, C>,
): LiveSource<TableRow<T>, Pick<TableRow<T>, C>> {
  const kept = o.columns && new Set<PropertyKey>(o.columns);
  return {
    // A select built at run time is beyond supabase-js's select parser: the generated row type of
    // these columns is what PostgREST returns for them, so the view states it from there.
    snapshot: () =>
      readViewRows(
        () => withFilter(o.client.from(o.table).select(o.columns ? o.columns.join(', ') : '*'), o.filter),
        (q) => q.overrideTypes<Pick<TableRow<T>, C>[], { merge: false }>(),
        o.key,
        o.window,
        (row) => String(row[o.key]),
      ),
    fromRecord: (record) => (kept ? pick<TableRow<T>, C>(record, kept) : record),
  };
}

function embedSource<T extends LiveTable, Row extends LiveRow>(o: EmbedViewOptions<T, Row>): LiveSource<TableRow<T>, Row> {
  // The request builder is itself a thenable: build it only after the clock is read, and let the
  // async functions await it.
  const request = (nowMs: number | undefined) => withFilter(o.embed(fromTable(o.client, o.table), nowMs), o.filter);
  const now = async () => (o.now ? await o.now() : undefined);
  return {
    snapshot: async () => {
      const nowMs = await now();
      return readViewRows(() => request(nowMs), (q) => q, o.key, o.window, (row) => String(row[o.key]));
    },
    reread: async (key) => request(await now()).filter(o.key, 'eq', key).maybeSingle(),
  };
}

function base<T extends LiveTable, Row extends LiveRow>(o: TableViewBase<T, Row>) {
  return { client: o.client, table: o.table, filter: o.filter, window: o.window, sort: o.sort, reopenDelayMs: o.reopenDelayMs };
}

export function createColumnsView<T extends LiveTable, C extends LiveColumn<T> = LiveColumn<T>>(
  o: ColumnsViewOptions<T, C>,
): LiveView<Pick<TableRow<T>, C>> {
  return createLiveView({ ...base<T, Pick<TableRow<T>, C>>(o), source: columnsSource(o), key: o.key, version: o.version });
}

export function createEmbedView<T extends LiveTable, Row extends LiveRow>(o: EmbedViewOptions<T, Row>): LiveView<Row> {
  return createLiveView({ ...base<T, Row>(o), source: embedSource(o), key: o.key, version: o.version, follow: o.follow });
}
