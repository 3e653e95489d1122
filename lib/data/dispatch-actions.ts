/**
 * The supervisor's writes on the dispatch screen, each one a workflow RPC (never a table write).
 * They return a result instead of throwing so the screen can show the refusal — above all
 * `stale_version`, the conflict between two supervisors — and then show the fresh state.
 */
import type { Assignment, Incident } from './dispatch';
import type { Db } from './db';
import { workflowErrorCode, workflowErrorKey, type WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import { DICTIONARIES, type Language as Locale } from '@/lib/i18n/languages';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: WorkflowErrorCode | 'unexpected'; message: string };

function result<T>(data: T | null, error: { code?: string; message: string } | null, lang: Locale): ActionResult<T> {
  if (!error && data) return { ok: true, data };
  const code = workflowErrorCode(error);
  if (code) return { ok: false, code, message: DICTIONARIES[lang][workflowErrorKey(code)] };
  // Not a workflow refusal (network, server fault): show the raw text rather than hide it.
  return { ok: false, code: 'unexpected', message: error?.message ?? 'No answer from the server.' };
}

/** First agencies of a reported incident; later ones are added one by one. */
export async function assignAgency(client: Db, incident: Pick<Incident, 'id' | 'status' | 'version'>, agencyId: string, lang: Locale) {
  const { data, error } =
    incident.status === 'reported'
      ? await client.rpc('dispatch_incident', { p_incident_id: incident.id, p_agency_ids: [agencyId], p_expected_version: incident.version })
      : await client.rpc('add_agency', { p_incident_id: incident.id, p_agency_id: agencyId, p_expected_version: incident.version });
  return result<Incident>(data, error, lang);
}

export async function cancelIncident(client: Db, incident: Pick<Incident, 'id' | 'version'>, reason: string, lang: Locale) {
  const { data, error } = await client.rpc('cancel_incident', {
    p_incident_id: incident.id,
    p_reason: reason,
    p_expected_version: incident.version,
  });
  return result<Incident>(data, error, lang);
}

/** `force` confirms closing while agencies have not finished; the database records it. */
export async function closeIncident(client: Db, incident: Pick<Incident, 'id' | 'version'>, summary: string, force: boolean, lang: Locale) {
  const { data, error } = await client.rpc('close_incident', {
    p_incident_id: incident.id,
    p_summary: summary,
    p_expected_version: incident.version,
    p_force: force,
  });
  return result<Incident>(data, error, lang);
}

/** Records the supervisor's follow-up (phone, radio) on an unacknowledged assignment. */
export async function recordFollowUp(client: Db, assignmentId: string, note: string, lang: Locale) {
  const { data, error } = await client.rpc('escalate_assignment', { p_assignment_id: assignmentId, p_note: note });
  return result<Assignment>(data, error, lang);
}
