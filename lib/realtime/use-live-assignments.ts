'use client';
/**
 * Live assignments, either of one incident (the drawer, the OPD detail) or in some statuses (the
 * board's active assignments, for agency chips and escalation flags). One filter at a time is what
 * Supabase Realtime supports.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { AssignmentStatus } from '@/lib/domain/workflow';
import type { LiveFilter } from './live-filter';
import type { LiveColumn } from './live-table';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveAssignment = Tables<'assignments'>;

export function useLiveAssignments(
  client: Db,
  options: { incidentId?: string; statuses?: readonly AssignmentStatus[] },
): LiveRows<LiveAssignment> {
  let filter: LiveFilter<LiveColumn<'assignments'>> | undefined;
  if (options.incidentId) filter = { column: 'incident_id', op: 'eq', value: options.incidentId };
  else if (options.statuses) filter = { column: 'status', op: 'in', value: options.statuses };
  return useLiveRows({ client, table: 'assignments', key: 'id', version: 'version', filter });
}
