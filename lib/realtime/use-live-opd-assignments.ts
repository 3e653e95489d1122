'use client';
/**
 * Live inbox of one agency: its assignments with their incidents embedded (snapshot + changes +
 * resync on every resubscribe). Filtering by agency keeps the other agencies' assignments on shared
 * incidents out of the inbox; RLS would refuse another agency's rows anyway.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';
import { OPD_ASSIGNMENT_SELECT, type OpdAssignment } from '@/lib/data/opd';
import { useLiveRows, type LiveRows } from './use-live-rows';

export function useLiveOpdAssignments(client: SupabaseClient<Database>, agencyId: string): LiveRows<OpdAssignment> {
  return useLiveRows<OpdAssignment>({
    client: client as unknown as SupabaseClient,
    table: 'assignments',
    select: OPD_ASSIGNMENT_SELECT,
    version: 'version',
    filter: { column: 'agency_id', op: 'eq', value: agencyId },
  });
}
