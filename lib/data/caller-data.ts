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
export type CallerDataAccess = Database['public']['Functions']['caller_data_access_page']['Returns'][number];

/** The calls columns that are a caller's personal data: a person's screen gets them only from read_caller_data. */
type CallerColumn = 'caller_phone' | 'caller_name' | 'caller_lat' | 'caller_lng' | 'caller_accuracy_m' | 'caller_phone_pseudonym';
/** A call as a screen may select it itself: everything but the caller's number, name and location. */
export type CallWithoutCaller = Omit<Tables<'calls'>, CallerColumn>;
/**
 * Select of a call without the caller's data: every column of CallWithoutCaller (the loaders assign
 * its rows to CallWithoutCaller, so a column the table gains and this list lacks fails the build).
 */
export const CALL_COLUMNS_WITHOUT_CALLER =
  'id, idempotency_key, source, external_id, trunk, received_at, answered_at, classified_at, recorded_at, ended_at, line_ended_at, line_ended_by, ringing, call_type, notes, incident_id, operator_id, blocked_number_id, pseudonymised_at, created_at, updated_at, version' as const;

/** The most calls read_caller_data answers in one request (its invalid_calls bound). */
export const CALLER_DATA_MAX_CALLS = 500;

/** Caller data of up to CALLER_DATA_MAX_CALLS calls for a screen; the database writes one access record per call. */
export async function readCallerData(client: Db, callIds: readonly string[], screen: CallerDataScreen, reason?: string): Promise<CallerData[]> {
  return readData(
    'caller data',
    await client.rpc('read_caller_data', { p_call_ids: [...callIds], p_screen: screen, p_reason: reason }),
  );
}

/** Distinct call ids in requests of at most CALLER_DATA_MAX_CALLS, in the order given; none for none. */
export function callerDataBatches(callIds: readonly string[]): string[][] {
  const ids = [...new Set(callIds)];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += CALLER_DATA_MAX_CALLS) batches.push(ids.slice(i, i + CALLER_DATA_MAX_CALLS));
  return batches;
}

/**
 * Caller data of any number of calls, keyed by call id: asks read_caller_data in requests of at most
 * CALLER_DATA_MAX_CALLS (each call logged once), and asks nothing for no calls. Pass only calls the
 * reader selected under RLS — one call the role may not read refuses the request.
 */
export async function readCallerDataOf(
  client: Db,
  callIds: readonly string[],
  screen: CallerDataScreen,
  reason?: string,
): Promise<Map<string, CallerData>> {
  const answers = await Promise.all(callerDataBatches(callIds).map((batch) => readCallerData(client, batch, screen, reason)));
  return new Map(answers.flat().map((row) => [row.call_id, row]));
}

export interface AccessLogCursor {
  at: string;
  id: string;
}

export interface AccessLogFilter {
  actorId?: string;
  ticketNo?: string;
  screen?: CallerDataScreen;
}

/** One page of the access log, newest first, with reader names and tickets; reading it is itself logged by the database. */
export async function readAccessLogPage(
  client: Db,
  pageSize: number,
  filter: AccessLogFilter = {},
  before?: AccessLogCursor,
): Promise<CallerDataAccess[]> {
  return readData(
    'caller data access log',
    await client.rpc('caller_data_access_page', {
      p_limit: pageSize,
      p_before_at: before?.at,
      p_before_id: before?.id,
      p_actor_id: filter.actorId,
      p_ticket_no: filter.ticketNo,
      p_screen: filter.screen,
    }),
  );
}

export async function readRetentionSettings(client: Db): Promise<Tables<'retention_settings'> | null> {
  const rows = readData('retention settings', await client.from('retention_settings').select('*'));
  return rows[0] ?? null;
}

export async function listLegalHolds(client: Db): Promise<Tables<'legal_holds'>[]> {
  return readData('legal holds', await client.from('legal_holds').select('*').order('placed_at', { ascending: false }).limit(200));
}
