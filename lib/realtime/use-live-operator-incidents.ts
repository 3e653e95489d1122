'use client';
/**
 * Live list of open incidents for the operator console: the map, the repeat-caller check before a
 * ticket is created, and the list a supervisor watching the console sees grow.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { OPEN_INCIDENT_STATUSES } from '@/lib/domain/workflow';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type OperatorIncidentRow = Pick<
  Tables<'incidents'>,
  'id' | 'ticket_no' | 'status' | 'category' | 'priority' | 'description' | 'address' | 'kecamatan' | 'lat' | 'lng' | 'reported_at' | 'version'
>;

const SELECT = 'id, ticket_no, status, category, priority, description, address, kecamatan, lat, lng, reported_at, version';

const newestFirst = (a: OperatorIncidentRow, b: OperatorIncidentRow) => Date.parse(b.reported_at) - Date.parse(a.reported_at);

export function useLiveOperatorIncidents(client: SupabaseClient<Database>): LiveRows<OperatorIncidentRow> {
  return useLiveRows<OperatorIncidentRow>({
    client,
    table: 'incidents',
    select: SELECT,
    // Supervisors may read every incident ever made: only the open ones matter here.
    filter: { column: 'status', op: 'in', value: OPEN_INCIDENT_STATUSES },
    version: 'version',
    sort: newestFirst,
  });
}
