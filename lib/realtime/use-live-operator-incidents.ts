'use client';
/**
 * Live list of open incidents for the operator console: the map, the repeat-caller check before a
 * ticket is created, and the list a supervisor watching the console sees grow.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { OPEN_INCIDENT_STATUSES } from '@/lib/domain/workflow';
import { useLiveRows, type LiveRows } from './use-live-rows';

const COLUMNS = [
  'id',
  'ticket_no',
  'status',
  'category',
  'priority',
  'description',
  'address',
  'kecamatan',
  'lat',
  'lng',
  'reported_at',
  'version',
] as const;

export type OperatorIncidentRow = Pick<Tables<'incidents'>, (typeof COLUMNS)[number]>;

const newestFirst = (a: OperatorIncidentRow, b: OperatorIncidentRow) => Date.parse(b.reported_at) - Date.parse(a.reported_at);

export function useLiveOperatorIncidents(client: Db): LiveRows<OperatorIncidentRow> {
  return useLiveRows({
    client,
    table: 'incidents',
    columns: COLUMNS,
    key: 'id',
    // Supervisors may read every incident ever made: only the open ones matter here.
    filter: { column: 'status', op: 'in', value: OPEN_INCIDENT_STATUSES },
    version: 'version',
    sort: newestFirst,
  });
}
