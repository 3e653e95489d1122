/**
 * The supervisor's writes on the dispatch screen, each one a workflow RPC (never a table write).
 * They return a WriteResult instead of throwing so the screen can show the refusal — above all
 * `stale_version`, the conflict between two supervisors — and then show the fresh state.
 */
import type { Assignment, Incident } from './dispatch';
import type { Db } from './db';
import { toWriteResult } from './write-result';
import { type WriteResult } from '../domain/write-failure';

/** First agencies of a reported incident; later ones are added one by one. */
export async function assignAgency(client: Db, incident: Pick<Incident, 'id' | 'status' | 'version'>, agencyId: string): Promise<WriteResult<Incident>> {
  return toWriteResult(
    incident.status === 'reported'
      ? await client.rpc('dispatch_incident', { p_incident_id: incident.id, p_agency_ids: [agencyId], p_expected_version: incident.version })
      : await client.rpc('add_agency', { p_incident_id: incident.id, p_agency_id: agencyId, p_expected_version: incident.version }),
  );
}

export async function cancelIncident(client: Db, incident: Pick<Incident, 'id' | 'version'>, reason: string): Promise<WriteResult<Incident>> {
  return toWriteResult(
    await client.rpc('cancel_incident', {
      p_incident_id: incident.id,
      p_reason: reason,
      p_expected_version: incident.version,
    }),
  );
}

/** `force` confirms closing while agencies have not finished; the database records it. */
export async function closeIncident(client: Db, incident: Pick<Incident, 'id' | 'version'>, summary: string, force: boolean): Promise<WriteResult<Incident>> {
  return toWriteResult(
    await client.rpc('close_incident', {
      p_incident_id: incident.id,
      p_summary: summary,
      p_expected_version: incident.version,
      p_force: force,
    }),
  );
}

/** Records the supervisor's follow-up (phone, radio) on an unacknowledged assignment. */
export async function recordFollowUp(client: Db, assignmentId: string, note: string): Promise<WriteResult<Assignment>> {
  return toWriteResult(await client.rpc('escalate_assignment', { p_assignment_id: assignmentId, p_note: note }));
}
