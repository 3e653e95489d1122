'use client';
/**
 * Live list of one operator's calls with the ticket number of their incident, for the shift table
 * of the operator console. Filtered on operator_id by the server; the screen narrows to the shift.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type OperatorCallRow = Pick<
  Tables<'calls'>,
  | 'id'
  | 'received_at'
  | 'answered_at'
  | 'classified_at'
  | 'ended_at'
  | 'call_type'
  | 'caller_phone'
  | 'caller_name'
  | 'incident_id'
  | 'operator_id'
  | 'version'
> & { incident: { ticket_no: string } | null };

// The embedded incident makes each change refetch its row, which is what brings the ticket number.
const SELECT =
  'id, received_at, answered_at, classified_at, ended_at, call_type, caller_phone, caller_name, incident_id, operator_id, version, incident:incidents(ticket_no)';

export function useLiveOperatorCalls(client: SupabaseClient<Database>, operatorId: string): LiveRows<OperatorCallRow> {
  return useLiveRows<OperatorCallRow>({
    client,
    table: 'calls',
    select: SELECT,
    filter: { column: 'operator_id', op: 'eq', value: operatorId },
    version: 'version',
  });
}
