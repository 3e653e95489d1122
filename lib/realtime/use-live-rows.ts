'use client';
/**
 * React face of the live-view engine: rows of one table kept current (snapshot, changes, resync on
 * every resubscribe) and the connection status. Stream hooks (`use-live-<thing>.ts`) wrap this one
 * with their table, select and filter.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createLiveView, filterString, parseLiveFilter, type LiveFilter, type LiveRow, type LiveStatus } from './live-view';

export interface UseLiveRowsOptions<Row extends LiveRow> {
  client: SupabaseClient;
  table: string;
  schema?: string;
  select?: string;
  filter?: LiveFilter;
  key?: keyof Row & string;
  version?: keyof Row & string;
  /** Keep it stable (module-level or useCallback): a new function re-sorts. */
  sort?: (a: Row, b: Row) => number;
}

export interface LiveRows<Row extends LiveRow> {
  rows: readonly Row[];
  status: LiveStatus;
  error: Error | undefined;
  refresh(): Promise<void>;
}

const NO_ROWS: readonly never[] = [];
const serverRows = () => NO_ROWS;
const serverStatus = (): LiveStatus => 'idle';

export function useLiveRows<Row extends LiveRow>(options: UseLiveRowsOptions<Row>): LiveRows<Row> {
  const { client, table, schema, select, key, version, sort } = options;
  // The filter travels as its string form so a new but equal filter object keeps the same view.
  const filterKey = options.filter ? filterString(options.filter) : '';
  const view = useMemo(
    () =>
      createLiveView<Row>({
        client,
        table,
        schema,
        select,
        key,
        version,
        filter: filterKey ? parseLiveFilter(filterKey) : undefined,
      }),
    [client, table, schema, select, key, version, filterKey],
  );
  const rows = useSyncExternalStore(view.subscribe, view.getRows, serverRows);
  const status = useSyncExternalStore(view.subscribe, view.getStatus, serverStatus);
  const error = useSyncExternalStore(view.subscribe, view.getError, () => undefined);
  const sorted = useMemo(() => (sort ? [...rows].sort(sort) : rows), [rows, sort]);
  return { rows: sorted, status, error, refresh: view.refresh };
}
