/**
 * Reads of the admin console's account screens, through the admin-only database function
 * `admin_accounts` (which joins auth.users for email and last sign-in; no API role reads auth.users).
 */
import type { Database } from '@/lib/supabase/database.types';
import type { Db } from './db';
import { readData } from './read';
import { isUuid } from './uuid';

export type AccountRow = Database['public']['Functions']['admin_accounts']['Returns'][number];

export interface AgencyOption {
  id: string;
  name: string;
  active: boolean;
}

/** Accounts matching `search` (name or email), at most 500. */
export async function listAccounts(db: Db, search: string | undefined): Promise<AccountRow[]> {
  return readData('accounts', await db.rpc('admin_accounts', { p_search: search?.slice(0, 120) ?? undefined, p_limit: 500 }));
}

/** One account by id; null when there is none (or the id is not a uuid). */
export async function getAccount(db: Db, id: string): Promise<AccountRow | null> {
  if (!isUuid(id)) return null;
  const rows = readData('account', await db.rpc('admin_accounts', { p_user_id: id, p_limit: 1 }));
  return rows[0] ?? null;
}

/** Agencies for the OPD choice, active ones first. */
export async function listAgencyOptions(db: Db): Promise<AgencyOption[]> {
  const rows = readData('agencies', await db.from('agencies').select('id, name, active').order('active', { ascending: false }).order('name'));
  return rows;
}
