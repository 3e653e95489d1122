'use client';
/**
 * Live call-back list of the operator console: open call-backs (ghost and abandoned calls with a
 * number), oldest call first, with the number from the call itself (caller data stays in calls).
 * A call-back leaves the list when an operator records a conclusive outcome.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { TableQuery } from './live-table';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// Two foreign keys lead to calls (call_id, new_call_id): the hint names the original call's.
const SELECT =
  'id, call_id, reason, call_received_at, status, attempts, last_outcome, last_note, last_attempt_at, version, call:calls!callbacks_call_id_fkey(caller_phone, blocked_number_id)';

const openCallbacks = (from: TableQuery<'callbacks'>) => from.select(SELECT);

export type CallbackRow = Pick<
  Tables<'callbacks'>,
  'id' | 'call_id' | 'reason' | 'call_received_at' | 'status' | 'attempts' | 'last_outcome' | 'last_note' | 'last_attempt_at' | 'version'
> & { call: { caller_phone: string | null; blocked_number_id: string | null } | null };

const oldestFirst = (a: CallbackRow, b: CallbackRow) => Date.parse(a.call_received_at) - Date.parse(b.call_received_at);

export function useLiveCallbacks(client: Db): LiveRows<CallbackRow> {
  return useLiveEmbeddedRows({
    client,
    table: 'callbacks',
    embed: openCallbacks,
    key: 'id',
    filter: { column: 'status', op: 'eq', value: 'open' },
    version: 'version',
    sort: oldestFirst,
  });
}
