'use client';
/** Live audit timeline of one incident (incident_events is append-only: inserts only in practice). */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from '@/lib/realtime/use-live-rows';

export type LiveIncidentEvent = Tables<'incident_events'>;

const byTime = (a: LiveIncidentEvent, b: LiveIncidentEvent) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id;

export function useLiveIncidentEvents(client: Db, incidentId: string): LiveRows<LiveIncidentEvent> {
  return useLiveRows({
    client,
    table: 'incident_events',
    key: 'id',
    filter: { column: 'incident_id', op: 'eq', value: incidentId },
    sort: byTime,
  });
}
