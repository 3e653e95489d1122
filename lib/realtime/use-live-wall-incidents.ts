'use client';
/**
 * Live open incidents for the wall display (snapshot + changes + resync). Only the columns the wall
 * shows travel, so no free text (description, address) is ever held; a closed or cancelled incident
 * leaves the filter and is dropped, which keeps the state bounded however long the wall runs.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { OPEN_INCIDENT_STATUSES } from '@/lib/domain/workflow';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type WallIncidentRow = Pick<
  Tables<'incidents'>,
  | 'id'
  | 'ticket_no'
  | 'status'
  | 'category'
  | 'priority'
  | 'lat'
  | 'lng'
  | 'kecamatan'
  | 'reported_at'
  | 'dispatched_at'
  | 'acknowledged_at'
  | 'on_scene_at'
  | 'resolved_at'
  | 'version'
>;

// Plain columns: changes apply straight from the realtime record, without a refetch per change.
const SELECT =
  'id, ticket_no, status, category, priority, lat, lng, kecamatan, reported_at, dispatched_at, acknowledged_at, on_scene_at, resolved_at, version';

export function useLiveWallIncidents(client: SupabaseClient<Database>): LiveRows<WallIncidentRow> {
  return useLiveRows<WallIncidentRow>({
    client: client as unknown as SupabaseClient,
    table: 'incidents',
    select: SELECT,
    version: 'version',
    filter: { column: 'status', op: 'in', value: OPEN_INCIDENT_STATUSES },
  });
}
