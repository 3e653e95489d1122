'use client';
/**
 * Live assignments en route or on scene, with only the columns a unit marker needs (no field report
 * or reasons): the wall holds no free text. Paired with use-live-unit-positions.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { AssignmentStatus } from '@/lib/domain/workflow';
import { useLiveRows, type LiveRows } from './use-live-rows';

const COLUMNS = ['id', 'incident_id', 'agency_id', 'status', 'version'] as const;
const MOVING: readonly AssignmentStatus[] = ['en_route', 'on_scene'];

export type ActiveUnitRow = Pick<Tables<'assignments'>, (typeof COLUMNS)[number]>;

export function useLiveActiveUnits(client: Db): LiveRows<ActiveUnitRow> {
  return useLiveRows({
    client,
    table: 'assignments',
    columns: COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'status', op: 'in', value: MOVING },
  });
}
