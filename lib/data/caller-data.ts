/**
 * Caller data under UU PDP (issue #22): the one way a screen reads a caller's number, name and
 * location (read_caller_data logs each call it returns), and the admin's reads of the access log,
 * the retention periods and the legal holds.
 */
import type { Database, Tables } from '@/lib/supabase/database.types';
import type { Db } from './db';
import { readData } from './read';

export type CallerDataScreen = Database['public']['Enums']['caller_data_screen'];
export type CallerData = Database['public']['Functions']['read_caller_data']['Returns'][number];
export type CallerDataAccess = Tables<'caller_data_access'>;

/** The most calls read_caller_data answers in one request (its invalid_calls bound). */
export const CALLER_DATA_MAX_CALLS = 500;

/** Caller data of up to CALLER_DATA_MAX_CALLS calls for a screen; the database writes one access record per call. */
export async function readCallerData(client: Db, callIds: readonly string[], screen: CallerDataScreen, reason?: string): Promise<CallerData[]> {
  return readData(
    'caller data',
    await client.rpc('read_caller_data', { p_call_ids: [...callIds], p_screen: screen, p_reason: reason }),
  );
}

export interface AccessLogCursor {
  at: string;
  id: string;
}

/** One page of the access log, newest first; reading it is itself logged by the database. */
export async function readAccessLogPage(client: Db, pageSize: number, before?: AccessLogCursor): Promise<CallerDataAccess[]> {
  return readData(
    'caller data access log',
    await client.rpc('caller_data_access_page', { p_limit: pageSize, p_before_at: before?.at, p_before_id: before?.id }),
  );
}

export async function readRetentionSettings(client: Db): Promise<Tables<'retention_settings'> | null> {
  const rows = readData('retention settings', await client.from('retention_settings').select('*'));
  return rows[0] ?? null;
}

export async function listLegalHolds(client: Db): Promise<Tables<'legal_holds'>[]> {
  return readData('legal holds', await client.from('legal_holds').select('*').order('placed_at', { ascending: false }).limit(200));
}
