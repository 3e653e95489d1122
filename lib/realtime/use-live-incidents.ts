'use client';
/**
 * Live incidents (snapshot + changes + resync): some statuses (the dispatch board, the wall) or one
 * incident by id (a detail view that must follow it even once closed). Rows are whole `incidents` rows merged by version.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { IncidentStatus } from '@/lib/domain/workflow';
import type { LiveFilter } from './live-filter';
import type { LiveColumn } from './live-table';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveIncident = Tables<'incidents'>;

export function useLiveIncidents(
  client: Db,
  options: { statuses?: readonly IncidentStatus[]; id?: string } = {},
): LiveRows<LiveIncident> {
  let filter: LiveFilter<LiveColumn<'incidents'>> | undefined;
  if (options.id) filter = { column: 'id', op: 'eq', value: options.id };
  else if (options.statuses) filter = { column: 'status', op: 'in', value: options.statuses };
  return useLiveRows({ client, table: 'incidents', key: 'id', version: 'version', filter });
}
