'use client';
/**
 * Live inbox of one agency: its assignments with their incidents embedded (snapshot + changes +
 * resync on every resubscribe). Filtering by agency keeps the other agencies' assignments on shared
 * incidents out of the inbox; RLS would refuse another agency's rows anyway.
 */
import type { Db } from '@/lib/data/db';
import { OPD_ASSIGNMENT_SELECT, type OpdAssignment } from '@/lib/data/opd';
import type { TableQuery } from './live-table';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// supabase-js types the rows from the select string; they are OpdAssignment rows, whose incident
// may also be null (an incident RLS hides from the agency embeds as null).
const inbox = (from: TableQuery<'assignments'>) => from.select(OPD_ASSIGNMENT_SELECT);

export function useLiveOpdAssignments(client: Db, agencyId: string): LiveRows<OpdAssignment> {
  return useLiveEmbeddedRows({
    client,
    table: 'assignments',
    embed: inbox,
    key: 'id',
    version: 'version',
    filter: { column: 'agency_id', op: 'eq', value: agencyId },
    // The inbox shows each incident's status: a closing (no assignment changes) must reach it too.
    follow: { table: 'incidents', column: 'incident_id' },
  });
}
