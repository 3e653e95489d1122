/**
 * Typed reads and workflow calls of the OPD liaison's screen. What an agency may see is decided by
 * row-level security: an incident of another agency simply is not returned, and the page answers
 * "not found". Steps go only through the workflow functions, with the assignment's version.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { AssignmentState, QueueItem, SendResult } from '@/lib/domain/offline-queue';
import type { Db } from './db';
import { readCallerDataOf } from './caller-data';
import { ReadError, readData, readFailed } from './read';
import { readSlaTargets, type SlaTargets } from './sla-targets';
import { isUuid } from './uuid';
import { toWriteFailure } from '../domain/write-failure';
import { countArgs } from '@/lib/domain/opd-inbox';
export type Agency = Pick<Tables<'agencies'>, 'id' | 'code' | 'name' | 'kind' | 'phone' | 'color'>;
export type Assignment = Tables<'assignments'>;
export type OpdIncident = Pick<
  Tables<'incidents'>,
  | 'id'
  | 'ticket_no'
  | 'status'
  | 'category'
  | 'priority'
  | 'description'
  | 'address'
  | 'kecamatan'
  | 'kelurahan'
  | 'lat'
  | 'lng'
  | 'reported_at'
  | 'dispatched_at'
  | 'version'
>;
/** An assignment of the inbox with the incident it belongs to. */
export type OpdAssignment = Assignment & { incident: OpdIncident | null };
export type CallerContact = Pick<Tables<'calls'>, 'id' | 'caller_name' | 'caller_phone' | 'received_at'>;

const INCIDENT_COLUMNS =
  'id, ticket_no, status, category, priority, description, address, kecamatan, kelurahan, lat, lng, reported_at, dispatched_at, version';
/** Select of the live inbox: each assignment with its incident embedded. */
export const OPD_ASSIGNMENT_SELECT = `*, incident:incidents(${INCIDENT_COLUMNS})` as const;

export interface OpdReference {
  /** The liaison's own agency. */
  agency: Agency;
  /** Every agency, to name the others on a shared incident. */
  agencies: Agency[];
  targets: SlaTargets;
}

export async function loadOpdReference(client: Db, agencyId: string): Promise<OpdReference> {
  const [agencies, targets] = await Promise.all([
    client.from('agencies').select('id, code, name, kind, phone, color').order('name'),
    readSlaTargets(client),
  ]);
  const rows = readData('agencies', agencies);
  const agency = rows.find((a) => a.id === agencyId);
  if (!agency) throw new ReadError(`the liaison's agency ${agencyId}`, 'not among the readable agencies');
  return { agency, agencies: rows, targets };
}

export interface OpdIncidentDetail {
  incident: OpdIncident;
  callers: CallerContact[];
}

/**
 * One incident as the agency sees it, or null when RLS hides it (another agency's incident, or an
 * id that does not exist — the page must not tell the two apart).
 */
export async function loadOpdIncident(client: Db, incidentId: string): Promise<OpdIncidentDetail | null> {
  if (!isUuid(incidentId)) return null;
  const { data: incident, error } = await client.from('incidents').select(INCIDENT_COLUMNS).eq('id', incidentId).maybeSingle();
  if (error) readFailed(`incident ${incidentId}`, error);
  if (!incident) return null;
  const calls = readData(
    `the calls of incident ${incidentId}`,
    await client.from('calls').select('id, received_at').eq('incident_id', incidentId).order('received_at'),
  );
  // The caller's number and name only through read_caller_data, which logs the liaison's read.
  const data = await readCallerDataOf(client, calls.map((c) => c.id), 'opd_detail');
  return {
    incident,
    callers: calls.map((c) => ({ ...c, caller_name: data.get(c.id)?.caller_name ?? null, caller_phone: data.get(c.id)?.caller_phone ?? null })),
  };
}

/** The assignment as it stands now, for reconciling a refused retry; null when no longer visible. */
export async function readAssignmentState(client: Db, assignmentId: string): Promise<AssignmentState | null> {
  const { data, error } = await client.from('assignments').select('status, version').eq('id', assignmentId).maybeSingle();
  if (error) readFailed(`assignment ${assignmentId}`, error);
  return data;
}

type Step = Pick<QueueItem, 'assignmentId' | 'action' | 'expectedVersion' | 'text' | 'counts' | 'feedback'>;

/** Sends one queued step to its workflow function. Never throws: the queue decides what follows. */
export async function sendAssignmentStep(client: Db, item: Step): Promise<SendResult> {
  try {
    // The answers go first: they are taken until the ticket closes, also after completion, so a
    // retried step sends them again harmlessly and a refused one never loses the completion.
    if (item.action === 'complete_assignment' && item.feedback) {
      const sent = await client.rpc('answer_dispatch_feedback', {
        p_assignment_id: item.assignmentId,
        p_agency_needed: item.feedback.needed,
        p_missing_agency_ids: item.feedback.missingAgencyIds,
      });
      if (sent.error) return { ok: false, failure: toWriteFailure(sent.error, sent.status) };
    }
    const answer = await callStep(client, item);
    if (answer.error) return { ok: false, failure: toWriteFailure(answer.error, answer.status) };
    return { ok: true, data: answer.data ? { status: answer.data.status, version: answer.data.version } : null };
  } catch (err) {
    // postgrest-js reports fetch failures in `error`; anything thrown is still "no answer".
    return { ok: false, failure: { kind: 'network', detail: err instanceof Error ? err.message : String(err) } };
  }
}

function callStep(client: Db, item: Step) {
  const base = { p_assignment_id: item.assignmentId, p_expected_version: item.expectedVersion };
  switch (item.action) {
    case 'acknowledge_assignment':
      return client.rpc('acknowledge_assignment', base);
    case 'mark_en_route':
      return client.rpc('mark_en_route', base);
    case 'mark_on_scene':
      return client.rpc('mark_on_scene', base);
    case 'complete_assignment':
      return client.rpc('complete_assignment', { ...base, p_report: item.text ?? '', ...countArgs(item.counts) });
    case 'decline_assignment':
      return client.rpc('decline_assignment', { ...base, p_reason: item.text ?? '' });
  }
}
