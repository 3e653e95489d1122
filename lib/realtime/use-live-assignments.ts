'use client';
/**
 * Live assignments, either of one incident (the drawer, the OPD detail) or in some statuses (the
 * board's active assignments, for agency chips and escalation flags). One filter at a time is what
 * Supabase Realtime supports.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import type { AssignmentStatus } from '@/lib/domain/workflow';
import type { LiveFilter } from './live-view';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveAssignment = Tables<'assignments'>;

export function useLiveAssignments(
  client: SupabaseClient<Database>,
  options: { incidentId?: string; statuses?: readonly AssignmentStatus[] },
): LiveRows<LiveAssignment> {
  let filter: LiveFilter | undefined;
  if (options.incidentId) filter = { column: 'incident_id', op: 'eq', value: options.incidentId };
  else if (options.statuses) filter = { column: 'status', op: 'in', value: options.statuses };
  return useLiveRows<LiveAssignment>({
    client: client as unknown as SupabaseClient,
    table: 'assignments',
    version: 'version',
    filter,
  });
}
