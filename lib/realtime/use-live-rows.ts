'use client';
/**
 * React face of the live-view engine: rows of one table kept current (snapshot, changes, resync on
 * every resubscribe) and the connection status. Stream hooks (`use-live-<thing>.ts`) wrap these with
 * their table, columns or embedded select, and filter; the row type follows from those.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { filterString, parseLiveFilter, type LiveFilter } from './live-filter';
import type { LiveRow } from './live-rows-state';
import type { LiveStatus, LiveView } from './live-view';
import {
  createColumnsView,
  createEmbedView,
  type ColumnsViewOptions,
  type EmbedViewOptions,
  type LiveColumn,
  type LiveTable,
  type TableRow,
} from './live-table';

export interface LiveRows<Row> {
  rows: readonly Row[];
  status: LiveStatus;
  error: Error | undefined;
  refresh(): Promise<void>;
}

const NO_ROWS: readonly never[] = [];
const serverRows = () => NO_ROWS;
const serverStatus = (): LiveStatus => 'idle';

/** The filter travels as its string form, so a new but equal filter object keeps the same view. */
function useStableFilter<Column extends string>(filter: LiveFilter<Column> | undefined): LiveFilter<Column> | undefined {
  const column = filter?.column;
  const text = filter ? filterString(filter) : '';
  return useMemo(() => (column ? { ...parseLiveFilter(text), column } : undefined), [column, text]);
}

/** A view made elsewhere (e.g. one shared by several components); `sort` must be stable. */
export function useLiveView<Row>(view: LiveView<Row>, sort?: (a: Row, b: Row) => number): LiveRows<Row> {
  const rows = useSyncExternalStore(view.subscribe, view.getRows, serverRows);
  const status = useSyncExternalStore(view.subscribe, view.getStatus, serverStatus);
  const error = useSyncExternalStore(view.subscribe, view.getError, () => undefined);
  const sorted = useMemo(() => (sort ? [...rows].sort(sort) : rows), [rows, sort]);
  return { rows: sorted, status, error, refresh: view.refresh };
}

/** Plain columns of a table; `columns`, `window` and `sort` must be stable (module level or memoised). */
export function useLiveRows<T extends LiveTable, C extends LiveColumn<T> = LiveColumn<T>>(
  options: ColumnsViewOptions<T, C>,
): LiveRows<Pick<TableRow<T>, C>> {
  // `bounds`, not `window`: the browser's global of that name is in scope here.
  const { client, table, columns, key, version, sort, window: bounds } = options;
  const filter = useStableFilter(options.filter);
  const view = useMemo(
    () => createColumnsView<T, C>({ client, table, columns, key, version, filter, window: bounds }),
    [client, table, columns, key, version, filter, bounds],
  );
  return useLiveView(view, sort);
}

/** A select with embedded resources; `embed`, `now`, `window` and `sort` must be stable (module level or memoised). */
export function useLiveEmbeddedRows<T extends LiveTable, Row extends LiveRow>(options: EmbedViewOptions<T, Row>): LiveRows<Row> {
  const { client, table, embed, now, key, version, sort, window: bounds } = options;
  const filter = useStableFilter(options.filter);
  const followTable = options.follow?.table;
  const followColumn = options.follow?.column;
  const view = useMemo(
    () =>
      createEmbedView<T, Row>({
        client,
        table,
        embed,
        now,
        key,
        version,
        filter,
        window: bounds,
        follow: followTable && followColumn ? { table: followTable, column: followColumn } : undefined,
      }),
    [client, table, embed, now, key, version, filter, bounds, followTable, followColumn],
  );
  return useLiveView(view, sort);
}
