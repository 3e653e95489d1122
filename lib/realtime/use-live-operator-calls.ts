'use client';
/**
 * Live list of one operator's calls with the ticket number of their incident, for the shift table
 * of the operator console. Filtered on operator_id by the server; the screen narrows to the shift.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { TableQuery } from './live-table';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// The embedded incident makes each change refetch its row, which is what brings the ticket number.
const SELECT =
  'id, received_at, answered_at, classified_at, recorded_at, ended_at, call_type, caller_phone, caller_name, incident_id, operator_id, version, incident:incidents(ticket_no)';

// supabase-js types the rows from SELECT and the schema's relationships; the compiler checks they are OperatorCallRow.
const shiftCalls = (from: TableQuery<'calls'>) => from.select(SELECT);

export type OperatorCallRow = Pick<
  Tables<'calls'>,
  | 'id'
  | 'received_at'
  | 'answered_at'
  | 'classified_at'
  | 'recorded_at'
  | 'ended_at'
  | 'call_type'
  | 'caller_phone'
  | 'caller_name'
  | 'incident_id'
  | 'operator_id'
  | 'version'
> & { incident: { ticket_no: string } | null };

export function useLiveOperatorCalls(client: Db, operatorId: string): LiveRows<OperatorCallRow> {
  return useLiveEmbeddedRows({
    client,
    table: 'calls',
    embed: shiftCalls,
    key: 'id',
    filter: { column: 'operator_id', op: 'eq', value: operatorId },
    version: 'version',
  });
}
