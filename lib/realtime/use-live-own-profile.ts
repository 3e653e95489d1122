'use client';
/**
 * The signed-in user's own profile row, live (issue #13): an admin deactivating the account or
 * changing its role reaches the user's open screens within a second, through the own-row policy
 * that still lets an inactive user read their profile.
 */
import type { Db } from '@/lib/data/db';
import { useLiveRows, type LiveRows } from './use-live-rows';
import type { Tables } from '@/lib/supabase/database.types';

const COLUMNS = ['id', 'active', 'role', 'agency_id', 'version'] as const;

export type OwnProfileRow = Pick<Tables<'profiles'>, (typeof COLUMNS)[number]>;

export function useLiveOwnProfile(client: Db, userId: string): LiveRows<OwnProfileRow> {
  return useLiveRows({
    client,
    table: 'profiles',
    columns: COLUMNS,
    key: 'id',
    version: 'version',
    filter: { column: 'id', op: 'eq', value: userId },
  });
}
