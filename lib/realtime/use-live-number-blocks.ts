'use client';
/**
 * Live list of the number blocks a supervisor acts on: proposals waiting for a decision and blocks
 * in force (approved; the screen hides those past their expiry with the database clock), with the
 * name of who decided. Rejected, lifted and expired rows leave the view as they change.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { TableQuery } from './live-table';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// Two foreign keys lead to profiles (decided_by, lifted_by): the hint names the decider's.
const SELECT =
  'id, phone, status, prank_calls, ghost_calls, threshold, window_hours, first_call_at, last_call_at, proposed_at, decided_at, decision_reason, expires_at, version, decider:profiles!blocked_numbers_decided_by_fkey(full_name)';

const openBlocks = (from: TableQuery<'blocked_numbers'>) => from.select(SELECT);

export type NumberBlockRow = Pick<
  Tables<'blocked_numbers'>,
  | 'id'
  | 'phone'
  | 'status'
  | 'prank_calls'
  | 'ghost_calls'
  | 'threshold'
  | 'window_hours'
  | 'first_call_at'
  | 'last_call_at'
  | 'proposed_at'
  | 'decided_at'
  | 'decision_reason'
  | 'expires_at'
  | 'version'
> & { decider: { full_name: string } | null };

const OPEN_STATUSES = ['proposed', 'approved'] as const;

const newestFirst = (a: NumberBlockRow, b: NumberBlockRow) => Date.parse(b.proposed_at) - Date.parse(a.proposed_at);

export function useLiveNumberBlocks(client: Db): LiveRows<NumberBlockRow> {
  return useLiveEmbeddedRows({
    client,
    table: 'blocked_numbers',
    embed: openBlocks,
    key: 'id',
    filter: { column: 'status', op: 'in', value: OPEN_STATUSES },
    version: 'version',
    sort: newestFirst,
  });
}
