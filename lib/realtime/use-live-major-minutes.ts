'use client';
/**
 * Live calls-per-minute rows of one major incident (kept by the trigger on calls): the wall's bars
 * and total follow every linked call without polling. Supervisors, leadership and admins read them.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

const COLUMNS = ['id', 'major_incident_id', 'minute', 'calls', 'version'] as const;

export type MajorMinuteRow = Pick<Tables<'major_incident_minutes'>, (typeof COLUMNS)[number]>;

export function useLiveMajorMinutes(client: Db, majorIncidentId: string): LiveRows<MajorMinuteRow> {
  return useLiveRows({
    client,
    table: 'major_incident_minutes',
    columns: COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'major_incident_id', op: 'eq', value: majorIncidentId },
  });
}
