'use client';
/**
 * Live list of one operator's calls with the ticket number of their incident, for the shift table
 * of the operator console, and for the call the PBX gives this operator (source and key: a telephony
 * call answered at their extension opens on the console). Filtered on operator_id by the server; the
 * screen narrows to the shift.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { TableQuery } from './live-table';
import { useMemo } from 'react';
import { serverClockNowMs, serverNowMs } from './server-clock';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// The embedded incident makes each change refetch its row, which is what brings the ticket number.
// The caller's number and name are read here directly, not through read_caller_data (issue #22):
// they are of the operator's own calls, the one being taken among them, which the operator must see
// to answer and complete; every other screen reads them through read_caller_data and is logged.
const SELECT =
  'id, idempotency_key, source, received_at, answered_at, classified_at, recorded_at, ended_at, call_type, caller_phone, caller_name, incident_id, operator_id, blocked_number_id, version, incident:incidents(ticket_no)';

/**
 * How far back the snapshot reaches: a day covers any shift (the screen narrows to it). Without a
 * bound the snapshot of an operator with months of history was the server's first 1,000 of their
 * calls in no order, and missed the call the PBX had just given them.
 */
export const OPERATOR_CALLS_LOOKBACK_MS = 24 * 60 * 60 * 1000;

// supabase-js types the rows from SELECT and the schema's relationships; the compiler checks they are
// OperatorCallRow. Each snapshot (and resync) recomputes the bound on the database clock (a console
// whose PC runs minutes off asks for the database's last 24 hours); a call still open is kept
// whatever its age, so an unfinished record always comes back.
const shiftCalls = (from: TableQuery<'calls'>, nowMs: number | undefined) =>
  from
    .select(SELECT)
    .or(`ended_at.is.null,received_at.gte.${new Date((nowMs ?? serverClockNowMs()) - OPERATOR_CALLS_LOOKBACK_MS).toISOString()}`);

export type OperatorCallRow = Pick<
  Tables<'calls'>,
  | 'id'
  | 'idempotency_key'
  | 'source'
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
  | 'blocked_number_id'
  | 'version'
> & { incident: { ticket_no: string } | null };

export function useLiveOperatorCalls(client: Db, operatorId: string): LiveRows<OperatorCallRow> {
  const now = useMemo(() => () => serverNowMs(client), [client]);
  return useLiveEmbeddedRows({
    client,
    table: 'calls',
    embed: shiftCalls,
    now,
    key: 'id',
    filter: { column: 'operator_id', op: 'eq', value: operatorId },
    version: 'version',
  });
}
