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
