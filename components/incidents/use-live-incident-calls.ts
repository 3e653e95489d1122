'use client';
/** Live calls of one incident: the caller's contact, and repeat callers linked while it is open. */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from '@/lib/realtime/use-live-rows';

export type LiveCall = Tables<'calls'>;

const byReceived = (a: LiveCall, b: LiveCall) => Date.parse(a.received_at) - Date.parse(b.received_at);

export function useLiveIncidentCalls(client: Db, incidentId: string): LiveRows<LiveCall> {
  return useLiveRows({
    client,
    table: 'calls',
    key: 'id',
    version: 'version',
    filter: { column: 'incident_id', op: 'eq', value: incidentId },
    sort: byReceived,
  });
}
