/**
 * The admin's side of caller data protection (issue #22): retention periods and the job's runs,
 * legal holds (with ticket and names, through legal_hold_list, since admins read no incident), and
 * data-subject requests with the search of everything held about a number. Reads throw a ReadError,
 * writes return a WriteResult; every refusal is the database's.
 */
import type { Database, Tables } from '@/lib/supabase/database.types';
import type { DataSubjectRequestValues } from '@/lib/domain/data-subject-input';
import { parseDataSubjectDocument, type DataSubjectDocument } from '@/lib/domain/data-subject-export';
import type { RetentionValues } from '@/lib/domain/retention-input';
import type { WriteResult } from '@/lib/domain/write-failure';
import { workflowErrorCode, type WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import type { Db } from './db';
import { ReadError, readData } from './read';
import { toWriteResult } from './write-result';

export type RetentionSettings = Tables<'retention_settings'>;
export type LegalHoldRow = Database['public']['Functions']['legal_hold_list']['Returns'][number];
export type HoldIncident = Database['public']['Functions']['legal_hold_incident']['Returns'][number];
export type DataSubjectRequest = Tables<'data_subject_requests'>;

export interface RetentionRun {
  at: string;
  pseudonymised: number;
  heldSkipped: number;
  /** Liaison positions of incidents ended past the period (20261207060000). */
  positionsDeleted: number;
  actorName: string | null;
}

export interface RetentionOutcome {
  pseudonymised: number;
  heldSkipped: number;
  positionsDeleted: number;
}

export interface RetentionView {
  incidentDays: number;
  nuisanceDays: number;
  version: number;
  updatedAt: string;
  /** Full name of the admin who changed the periods last; null for the defaults or the service role. */
  updatedBy: string | null;
}

export async function readRetention(client: Db): Promise<RetentionView> {
  const rows = readData(
    'retention settings',
    await client.from('retention_settings').select('incident_days, nuisance_days, version, updated_at, updater:profiles(full_name)'),
  );
  const row = rows[0];
  if (!row) throw new ReadError('retention settings', 'no row visible');
  return {
    incidentDays: row.incident_days,
    nuisanceDays: row.nuisance_days,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updater?.full_name ?? null,
  };
}

export async function setRetentionSettings(client: Db, values: RetentionValues, expectedVersion: number): Promise<WriteResult<RetentionSettings>> {
  return toWriteResult(
    await client.rpc('set_retention_settings', {
      p_incident_days: values.incidentDays,
      p_nuisance_days: values.nuisanceDays,
      p_expected_version: expectedVersion,
    }),
  );
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

export async function runRetention(client: Db): Promise<WriteResult<RetentionOutcome>> {
  const result = toWriteResult(await client.rpc('run_retention'));
  if (!result.ok) return result;
  const data = result.data as Record<string, unknown> | null;
  return { ok: true, data: { pseudonymised: count(data?.pseudonymised), heldSkipped: count(data?.held_skipped), positionsDeleted: count(data?.positions_deleted) } };
}

/** The last runs of the job that changed rows (run_retention audits only those), newest first. */
export async function listRetentionRuns(client: Db, limit: number): Promise<RetentionRun[]> {
  const rows = readData(
    'retention runs',
    await client.from('admin_events').select('at, after, actor:profiles(full_name)').eq('kind', 'retention.run').order('at', { ascending: false }).limit(limit),
  );
  return rows.map((r) => {
    const after = (r.after ?? {}) as Record<string, unknown>;
    return { at: r.at, pseudonymised: count(after.pseudonymised), heldSkipped: count(after.held_skipped), positionsDeleted: count(after.positions_deleted), actorName: r.actor?.full_name ?? null };
  });
}

export async function listHolds(client: Db, incidentId?: string): Promise<LegalHoldRow[]> {
  return readData('legal holds', await client.rpc('legal_hold_list', { p_incident_id: incidentId, p_limit: 200 }));
}

export async function findHoldIncident(client: Db, ticketNo: string): Promise<WriteResult<HoldIncident | null>> {
  const result = toWriteResult(await client.rpc('legal_hold_incident', { p_ticket_no: ticketNo }));
  return result.ok ? { ok: true, data: result.data[0] ?? null } : result;
}

export async function placeLegalHold(client: Db, incidentId: string, reason: string, expiresAt: string): Promise<WriteResult<Tables<'legal_holds'>>> {
  return toWriteResult(await client.rpc('place_legal_hold', { p_incident_id: incidentId, p_reason: reason, p_expires_at: expiresAt }));
}

export async function liftLegalHold(client: Db, holdId: string, reason: string): Promise<WriteResult<Tables<'legal_holds'>>> {
  return toWriteResult(await client.rpc('lift_legal_hold', { p_hold_id: holdId, p_reason: reason }));
}

/**
 * Everything held about a number; the database logs the search (or, with `exported`, the export)
 * in the access log. Throws a ReadError when refused or when the answer is not the document.
 */
/**
 * The search document, or `data_subject_too_large` when it would hold more than
 * DATA_SUBJECT_ROW_LIMIT rows: the database refused it before logging, so nothing was read.
 */
export async function searchDataSubject(
  client: Db,
  phone: string,
  exported: boolean,
): Promise<{ ok: true; doc: DataSubjectDocument } | { ok: false; problem: Extract<WorkflowErrorCode, 'data_subject_too_large'> }> {
  const answer = await client.rpc('data_subject_search', { p_phone: phone, p_export: exported });
  if (workflowErrorCode(answer.error) === 'data_subject_too_large') return { ok: false, problem: 'data_subject_too_large' };
  const doc = parseDataSubjectDocument(readData('data-subject search', answer));
  if (!doc) throw new ReadError('data-subject search', 'unexpected document');
  return { ok: true, doc };
}

/** The requests of the given ids (those of a search), latest received first, with their versions for answering. */
export async function listDataSubjectRequests(client: Db, ids: readonly string[]): Promise<DataSubjectRequest[]> {
  if (ids.length === 0) return [];
  return readData(
    'data-subject requests',
    await client.from('data_subject_requests').select('*').in('id', [...ids])
      .order('received_on', { ascending: false })
      .order('received_at', { ascending: false })
      .limit(200),
  );
}

/** Records a request received on `receivedOn` (YYYY-MM-DD, WIB). */
export async function recordDataSubjectRequest(
  client: Db,
  phone: string,
  values: DataSubjectRequestValues,
  receivedOn: string,
): Promise<WriteResult<DataSubjectRequest>> {
  return toWriteResult(
    await client.rpc('record_data_subject_request', {
      p_phone: phone,
      p_kind: values.kind,
      p_requester: values.requester,
      p_details: values.details ?? undefined,
      p_received_on: receivedOn,
    }),
  );
}

export async function answerDataSubjectRequest(client: Db, requestId: string, answer: string, expectedVersion: number): Promise<WriteResult<DataSubjectRequest>> {
  return toWriteResult(
    await client.rpc('answer_data_subject_request', { p_request_id: requestId, p_answer: answer, p_expected_version: expectedVersion }),
  );
}
