/**
 * Typed reads of one incident with everything around it — the calls (without the caller's data:
 * a screen that shows it asks read_caller_data, which logs the read, see callerDataOfReport), the
 * assignments with their agencies, the audit timeline with actor names, the SLA targets — for the
 * Laporan Kondisi Gawat Darurat. Returns null when the incident does not exist (a malformed id
 * included) or is not visible.
 */
import type { Agency, Assignment, Incident, IncidentEvent, PersonName } from './dispatch';
import { CALL_COLUMNS_WITHOUT_CALLER, readCallerDataOf, type CallerData, type CallerDataScreen, type CallWithoutCaller } from './caller-data';
import type { Db } from './db';
import { readData, readFailed } from './read';
import { readSlaTargets, type SlaTargets } from './sla-targets';
import { isUuid } from './uuid';

export interface IncidentReport {
  incident: Incident;
  calls: CallWithoutCaller[];
  assignments: Assignment[];
  events: IncidentEvent[];
  agencies: Agency[];
  people: PersonName[];
  targets: SlaTargets;
}

/** Events of the calls before the incident existed (answered, classified): they belong in the report too. */
async function readCallEvents(client: Db, callIds: string[]): Promise<IncidentEvent[]> {
  if (callIds.length === 0) return [];
  return readData('the call events', await client.from('incident_events').select('*').in('call_id', callIds).is('incident_id', null).order('at'));
}

export async function getIncidentReport(client: Db, incidentId: string): Promise<IncidentReport | null> {
  if (!isUuid(incidentId)) return null;
  const found = await client.from('incidents').select('*').eq('id', incidentId).maybeSingle();
  if (found.error) readFailed('the incident', found.error);
  if (!found.data) return null;
  const [calls, assignments, events, agencies, people, targets] = await Promise.all([
    client.from('calls').select(CALL_COLUMNS_WITHOUT_CALLER).eq('incident_id', incidentId).order('received_at'),
    client.from('assignments').select('*').eq('incident_id', incidentId).order('assigned_at'),
    client.from('incident_events').select('*').eq('incident_id', incidentId).order('at').order('id'),
    client.from('agencies').select('*'),
    client.from('profiles').select('id, full_name'),
    readSlaTargets(client),
  ]);
  const callRows = readData('the calls', calls);
  const callEvents = await readCallEvents(client, callRows.map((c) => c.id));
  return {
    incident: found.data,
    calls: callRows,
    assignments: readData('the assignments', assignments),
    events: [...callEvents, ...readData('the timeline', events)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id),
    agencies: readData('agencies', agencies),
    people: readData('profiles', people),
    targets,
  };
}

/**
 * The caller data of the report's calls for one screen, keyed by call id; every call is logged as
 * read. The calls are those the reader selected under RLS, so the read is never refused for them
 * (read_caller_data applies the same rule); a role that reads no calls asks nothing.
 */
export function callerDataOfReport(client: Db, report: IncidentReport, screen: CallerDataScreen): Promise<Map<string, CallerData>> {
  return readCallerDataOf(client, report.calls.map((c) => c.id), screen);
}
