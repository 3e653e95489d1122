'use client';
/**
 * Live agencies (OPD), every one including the deactivated (which stay for history): dispatch stops
 * offering an agency the moment an administrator deactivates it, and the admin screens show edits by
 * another admin at once. Merged by version.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveAgency = Tables<'agencies'>;

const byCode = (a: LiveAgency, b: LiveAgency) => a.code.localeCompare(b.code);

export function useLiveAgencies(client: Db): LiveRows<LiveAgency> {
  return useLiveRows({ client, table: 'agencies', key: 'id', version: 'version', sort: byCode });
}
