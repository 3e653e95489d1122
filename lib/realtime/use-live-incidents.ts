'use client';
/**
 * Live incidents (snapshot + changes + resync): some statuses (the dispatch board, the wall) or one
 * incident by id (a detail view that must follow it even once closed). Rows are whole `incidents` rows merged by version.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import type { IncidentStatus } from '@/lib/domain/workflow';
import type { LiveFilter } from './live-view';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveIncident = Tables<'incidents'>;

export function useLiveIncidents(
  client: SupabaseClient<Database>,
  options: { statuses?: readonly IncidentStatus[]; id?: string } = {},
): LiveRows<LiveIncident> {
  let filter: LiveFilter | undefined;
  if (options.id) filter = { column: 'id', op: 'eq', value: options.id };
  else if (options.statuses) filter = { column: 'status', op: 'in', value: options.statuses };
  return useLiveRows<LiveIncident>({
    client: client as unknown as SupabaseClient,
    table: 'incidents',
    version: 'version',
    filter,
  });
}
