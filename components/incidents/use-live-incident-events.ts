'use client';
/** Live audit timeline of one incident (incident_events is append-only: inserts only in practice). */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from '@/lib/realtime/use-live-rows';

export type LiveIncidentEvent = Tables<'incident_events'>;

const byTime = (a: LiveIncidentEvent, b: LiveIncidentEvent) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id;

export function useLiveIncidentEvents(client: SupabaseClient<Database>, incidentId: string): LiveRows<LiveIncidentEvent> {
  return useLiveRows<LiveIncidentEvent>({
    client: client as unknown as SupabaseClient,
    table: 'incident_events',
    filter: { column: 'incident_id', op: 'eq', value: incidentId },
    sort: byTime,
  });
}
