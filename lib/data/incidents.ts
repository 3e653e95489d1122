/**
 * Typed reads of one incident with everything around it — the calls (caller contact), the
 * assignments with their agencies, the audit timeline with actor names, the SLA targets — for the
 * Laporan Kondisi Gawat Darurat. Returns null when the incident does not exist or is not visible.
 */
import type { Agency, Assignment, Call, Db, Incident, IncidentEvent, PersonName } from './dispatch';
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';

export interface IncidentReport {
  incident: Incident;
  calls: Call[];
  assignments: Assignment[];
  events: IncidentEvent[];
  agencies: Agency[];
  people: PersonName[];
  targets: Record<SlaStage, number>;
}

function fail(what: string, error: { message: string }): never {
  throw new Error(`Reading ${what} failed: ${error.message}`);
}

export async function getIncidentReport(client: Db, incidentId: string): Promise<IncidentReport | null> {
  const incident = await client.from('incidents').select('*').eq('id', incidentId).maybeSingle();
  if (incident.error) fail('the incident', incident.error);
  if (!incident.data) return null;
  const [calls, assignments, events, agencies, people, targets] = await Promise.all([
    client.from('calls').select('*').eq('incident_id', incidentId).order('received_at'),
    client.from('assignments').select('*').eq('incident_id', incidentId).order('assigned_at'),
    client.from('incident_events').select('*').eq('incident_id', incidentId).order('at').order('id'),
    client.from('agencies').select('*'),
    client.from('profiles').select('id, full_name'),
    client.from('sla_targets').select('stage, target_seconds'),
  ]);
  if (calls.error) fail('the calls', calls.error);
  if (assignments.error) fail('the assignments', assignments.error);
  if (events.error) fail('the timeline', events.error);
  if (agencies.error) fail('agencies', agencies.error);
  if (people.error) fail('profiles', people.error);
  if (targets.error) fail('SLA targets', targets.error);
  // Events of the calls before the incident existed (answered, classified) belong in the report too.
  const callIds = calls.data.map((c) => c.id);
  let callEvents: IncidentEvent[] = [];
  if (callIds.length) {
    const r = await client.from('incident_events').select('*').in('call_id', callIds).is('incident_id', null).order('at');
    if (r.error) fail('the call events', r.error);
    callEvents = r.data;
  }
  const timeline = [...callEvents, ...events.data].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  return {
    incident: incident.data,
    calls: calls.data,
    assignments: assignments.data,
    events: timeline,
    agencies: agencies.data,
    people: people.data,
    targets: targetsFromRows(targets.data),
  };
}
