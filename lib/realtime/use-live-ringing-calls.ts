'use client';
/**
 * Live telephony calls still ringing (calls.ringing: not answered, not given to an operator, not
 * ended), for the operator console's pop-up and the dispatch board's waiting-calls strip. The flag
 * is the server-side filter; an answer or an abandonment updates the row out of it, so the call
 * leaves every screen at once. Readable by operators and supervisors only (RLS on calls).
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

// The one screen that reads the caller's number straight from calls, not through read_caller_data
// (issue #22): an operator must see the number of a ringing call to pick it up, and a log record per
// ringing call and console would say nothing a call record does not. The dispatch strip keeps the
// column but shows no number.
const COLUMNS = ['id', 'received_at', 'caller_phone', 'version'] as const;

export type RingingCall = Pick<Tables<'calls'>, (typeof COLUMNS)[number]>;

export function useLiveRingingCalls(client: Db): LiveRows<RingingCall> {
  return useLiveRows({
    client,
    table: 'calls',
    columns: COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'ringing', op: 'eq', value: true },
  });
}
