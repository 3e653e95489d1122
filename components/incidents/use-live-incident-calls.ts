'use client';
/**
 * Live calls of one incident (repeat callers linked while it is open), without the caller's data:
 * the drawer reads the number and name through useCallerData, which logs the read.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from '@/lib/realtime/use-live-rows';

const COLUMNS = ['id', 'received_at', 'version'] as const;

export type LiveCall = Pick<Tables<'calls'>, (typeof COLUMNS)[number]>;

const byReceived = (a: LiveCall, b: LiveCall) => Date.parse(a.received_at) - Date.parse(b.received_at);

export function useLiveIncidentCalls(client: Db, incidentId: string): LiveRows<LiveCall> {
  return useLiveRows({
    client,
    table: 'calls',
    columns: COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'incident_id', op: 'eq', value: incidentId },
    sort: byReceived,
  });
}
