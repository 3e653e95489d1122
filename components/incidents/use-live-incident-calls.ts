'use client';
/** Live calls of one incident: the caller's contact, and repeat callers linked while it is open. */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from '@/lib/realtime/use-live-rows';

export type LiveCall = Tables<'calls'>;

const byReceived = (a: LiveCall, b: LiveCall) => Date.parse(a.received_at) - Date.parse(b.received_at);

export function useLiveIncidentCalls(client: SupabaseClient<Database>, incidentId: string): LiveRows<LiveCall> {
  return useLiveRows<LiveCall>({
    client: client as unknown as SupabaseClient,
    table: 'calls',
    version: 'version',
    filter: { column: 'incident_id', op: 'eq', value: incidentId },
    sort: byReceived,
  });
}
