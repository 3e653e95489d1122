'use client';
/**
 * Live open incidents for the wall display (snapshot + changes + resync). Only the columns the wall
 * shows travel, so no free text (description, address) is ever held; a closed or cancelled incident
 * leaves the filter and is dropped, which keeps the state bounded however long the wall runs.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { OPEN_INCIDENT_STATUSES } from '@/lib/domain/workflow';
import { useLiveRows, type LiveRows } from './use-live-rows';

// Plain columns: changes apply straight from the realtime record, without a refetch per change.
// Exported for the disaster-day benchmark's wall screens, which subscribe exactly as the wall does.
export const WALL_INCIDENT_COLUMNS = [
  'id',
  'ticket_no',
  'status',
  'category',
  'priority',
  'lat',
  'lng',
  'kecamatan',
  'reported_at',
  'dispatched_at',
  'acknowledged_at',
  'on_scene_at',
  'resolved_at',
  'version',
] as const;

export type WallIncidentRow = Pick<Tables<'incidents'>, (typeof WALL_INCIDENT_COLUMNS)[number]>;

export function useLiveWallIncidents(client: Db): LiveRows<WallIncidentRow> {
  return useLiveRows({
    client,
    table: 'incidents',
    columns: WALL_INCIDENT_COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'status', op: 'in', value: OPEN_INCIDENT_STATUSES },
  });
}
