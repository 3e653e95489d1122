/**
 * Typed reads and workflow calls of the OPD liaison's screen. What an agency may see is decided by
 * row-level security: an incident of another agency simply is not returned, and the page answers
 * "not found". Steps go only through the workflow functions, with the assignment's version.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';
import type { AssignmentStatus } from '@/lib/domain/workflow';
import type { QueueItem, SendResult } from '@/lib/domain/offline-queue';

export type Db = SupabaseClient<Database>;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(what: string, error: { message: string }): never {
  throw new Error(`Reading ${what} failed: ${error.message}`);
}

export interface OpdReference {
  /** The liaison's own agency. */
  agency: Agency;
  /** Every agency, to name the others on a shared incident. */
  agencies: Agency[];
  targets: Record<SlaStage, number>;
}

export async function loadOpdReference(client: Db, agencyId: string): Promise<OpdReference> {
  const [agencies, targets] = await Promise.all([
    client.from('agencies').select('id, code, name, kind, phone, color').order('name'),
    client.from('sla_targets').select('stage, target_seconds'),
  ]);
  if (agencies.error) fail('agencies', agencies.error);
  if (targets.error) fail('SLA targets', targets.error);
  const agency = agencies.data.find((a) => a.id === agencyId);
  if (!agency) throw new Error(`The liaison's agency ${agencyId} is not readable`);
  return { agency, agencies: agencies.data, targets: targetsFromRows(targets.data) };
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
  if (!UUID.test(incidentId)) return null;
  const { data: incident, error } = await client.from('incidents').select(INCIDENT_COLUMNS).eq('id', incidentId).maybeSingle();
  if (error) fail(`incident ${incidentId}`, error);
  if (!incident) return null;
  const calls = await client
    .from('calls')
    .select('id, caller_name, caller_phone, received_at')
    .eq('incident_id', incidentId)
    .order('received_at');
  if (calls.error) fail(`the calls of incident ${incidentId}`, calls.error);
  return { incident, callers: calls.data };
}

/** The assignment as it stands now, for reconciling a refused retry; null when no longer visible. */
export async function readAssignmentState(client: Db, assignmentId: string): Promise<{ status: AssignmentStatus; version: number } | null> {
  const { data, error } = await client.from('assignments').select('status, version').eq('id', assignmentId).maybeSingle();
  if (error) fail(`assignment ${assignmentId}`, error);
  return data;
}

/** No answer, or an answer that says nothing about the step (gateway, server fault, expired token). */
function isTransient(status: number, code: string | undefined): boolean {
  return status === 0 || status >= 500 || status === 401 || code === 'PGRST301';
}

/** Sends one queued step to its workflow function. Never throws: the queue decides what follows. */
export async function sendAssignmentStep(client: Db, item: Pick<QueueItem, 'assignmentId' | 'action' | 'expectedVersion' | 'text'>): Promise<SendResult> {
  const base = { p_assignment_id: item.assignmentId, p_expected_version: item.expectedVersion };
  let response;
  try {
    switch (item.action) {
      case 'acknowledge_assignment':
        response = await client.rpc('acknowledge_assignment', base);
        break;
      case 'mark_en_route':
        response = await client.rpc('mark_en_route', base);
        break;
      case 'mark_on_scene':
        response = await client.rpc('mark_on_scene', base);
        break;
      case 'complete_assignment':
        response = await client.rpc('complete_assignment', { ...base, p_report: item.text ?? '' });
        break;
      case 'decline_assignment':
        response = await client.rpc('decline_assignment', { ...base, p_reason: item.text ?? '' });
        break;
    }
  } catch (err) {
    // postgrest-js reports fetch failures in `error`; anything thrown is still "no answer".
    return { kind: 'network', message: err instanceof Error ? err.message : String(err) };
  }
  const { data, error, status } = response;
  if (!error) return { kind: 'applied', state: data ? { status: data.status, version: data.version } : undefined };
  if (isTransient(status, error.code)) return { kind: 'network', message: error.message };
  // Workflow refusals carry their code as the message (SQLSTATE P0001).
  return { kind: 'refused', code: error.code === 'P0001' || error.code === '42501' ? error.message : error.code, message: error.message };
}
