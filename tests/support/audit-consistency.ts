/**
 * All-or-nothing check of the workflow after a fault: every call, incident and assignment row's
 * state must match its audit rows exactly. Each stage timestamp is set if and only if there is
 * exactly one audit row of that transition, stamped with the same database time; the row's version
 * counts exactly its transitions; no audit row names a row that does not exist. A transition cut in
 * half (the row changed without its audit row, or the other way round) fails one of these.
 */
import type { Db } from '../../lib/data/db.ts';
import type { AcknowledgedStep } from './center-load.ts';

/** Upper bound of rows read per table: the short and long fault runs stay far below it. */
const MAX_ROWS = 200_000;

type Stamp = string | null;
interface Event {
  kind: string;
  call_id: string | null;
  incident_id: string | null;
  assignment_id: string | null;
  at: string;
}

/** Rows per request: PostgREST answers at most `max_rows` (1000 in supabase/config.toml) per request. */
const PAGE = 1000;

type Page<T> = PromiseLike<{ data: T[] | null; error: { message: string } | null }>;

/** Every row, page by page in a stable order (`page(from, to)` must order by a unique column). */
export async function readAll<T>(what: string, page: (from: number, to: number) => Page<T>): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    if (from >= MAX_ROWS) throw new Error(`${what}: more than ${MAX_ROWS} rows, raise MAX_ROWS`);
    const { data, error } = await page(from, from + PAGE - 1);
    if (error || !data) throw new Error(`reading ${what}: ${error?.message ?? 'no rows'}`);
    rows.push(...data);
    if (data.length < PAGE) return rows;
  }
}

export interface ConsistencyReport {
  calls: number;
  incidents: number;
  assignments: number;
  events: number;
  /** Every mismatch found, in words; empty when all is whole. */
  problems: string[];
}

/** Reads the workflow tables as the service role and lists every mismatch between rows and audit. */
export async function checkAudit(service: Db, acknowledged: readonly AcknowledgedStep[]): Promise<ConsistencyReport> {
  const [calls, incidents, assignments, events] = await Promise.all([
    readAll('calls', (from, to) =>
      service.from('calls').select('id, idempotency_key, answered_at, classified_at, ended_at, incident_id, version, source').order('id').range(from, to),
    ),
    readAll('incidents', (from, to) => service.from('incidents').select('id, status, reported_at, dispatched_at, version').order('id').range(from, to)),
    readAll('assignments', (from, to) =>
      service.from('assignments').select('id, incident_id, status, acknowledged_at, en_route_at, on_scene_at, completed_at, version').order('id').range(from, to),
    ),
    readAll<Event>('incident_events', (from, to) => service.from('incident_events').select('kind, call_id, incident_id, assignment_id, at').order('id').range(from, to)),
  ]);
  const problems: string[] = [];
  const byCall = new Map<string, Event[]>();
  const byIncident = new Map<string, Event[]>();
  const byAssignment = new Map<string, Event[]>();
  const push = (map: Map<string, Event[]>, key: string | null, e: Event) => {
    if (key !== null) map.set(key, [...(map.get(key) ?? []), e]);
  };
  for (const e of events) {
    if (e.assignment_id !== null) push(byAssignment, e.assignment_id, e);
    else if (e.call_id !== null) push(byCall, e.call_id, e);
    else push(byIncident, e.incident_id, e);
  }

  /** Exactly one audit row of `kind` when `stamp` is set (at that time), none when it is not. */
  function stage(subject: string, list: Event[], kind: string, stamp: Stamp) {
    const found = list.filter((e) => e.kind === kind);
    if (stamp === null && found.length > 0) problems.push(`${subject}: ${found.length} × ${kind} in the audit but no stamp`);
    if (stamp !== null && found.length !== 1) problems.push(`${subject}: stamped ${kind} but ${found.length} audit rows`);
    if (stamp !== null && found.length === 1 && Date.parse(found[0].at) !== Date.parse(stamp)) {
      problems.push(`${subject}: ${kind} stamped ${stamp}, audit says ${found[0].at}`);
    }
  }

  for (const c of calls) {
    const list = byCall.get(c.id) ?? [];
    const subject = `call ${c.id}`;
    if (list.filter((e) => e.kind === 'call_started').length !== 1) problems.push(`${subject}: not exactly one call_started`);
    stage(subject, list, 'call_answered', c.answered_at);
    stage(subject, list, 'call_classified', c.classified_at);
    stage(subject, list, 'call_ended', c.ended_at);
    const joined = list.filter((e) => e.kind === 'incident_reported' || e.kind === 'call_linked').length;
    if ((c.incident_id !== null ? 1 : 0) !== joined) problems.push(`${subject}: incident ${c.incident_id} but ${joined} report/link audit rows`);
    // start_call makes version 1; each later transition of the call bumps it once and logs once.
    if (c.source === 'manual' && c.version !== list.length) problems.push(`${subject}: version ${c.version}, ${list.length} audit rows`);
  }
  const incidentIds = new Set(incidents.map((i) => i.id));
  for (const i of incidents) {
    const list = [...(byIncident.get(i.id) ?? []), ...events.filter((e) => e.incident_id === i.id && e.call_id !== null && e.kind === 'incident_reported')];
    stage(`incident ${i.id}`, list, 'incident_reported', i.reported_at);
    stage(`incident ${i.id}`, list, 'dispatched', i.dispatched_at);
  }
  const assignmentIds = new Set(assignments.map((a) => a.id));
  for (const a of assignments) {
    const list = byAssignment.get(a.id) ?? [];
    const subject = `assignment ${a.id}`;
    stage(subject, list, 'acknowledged', a.acknowledged_at);
    stage(subject, list, 'en_route', a.en_route_at);
    stage(subject, list, 'on_scene', a.on_scene_at);
    stage(subject, list, 'completed', a.completed_at);
    // Made at version 1 by the dispatch (logged on the incident); each OPD step bumps and logs once.
    if (a.version !== 1 + list.length) problems.push(`${subject}: version ${a.version}, ${list.length} audit rows`);
    if (!incidentIds.has(a.incident_id)) problems.push(`${subject}: its incident ${a.incident_id} is missing`);
  }
  const callIds = new Set(calls.map((c) => c.id));
  for (const e of events) {
    if (e.call_id !== null && !callIds.has(e.call_id)) problems.push(`audit ${e.kind} names call ${e.call_id}, which does not exist`);
    if (e.incident_id !== null && !incidentIds.has(e.incident_id)) problems.push(`audit ${e.kind} names incident ${e.incident_id}, which does not exist`);
    if (e.assignment_id !== null && !assignmentIds.has(e.assignment_id)) problems.push(`audit ${e.kind} names assignment ${e.assignment_id}, which does not exist`);
  }

  // Every step answered 2xx before (or after) the kill is in the database, once.
  const callsById = new Map(calls.map((c) => [c.id, c]));
  const assignmentsById = new Map(assignments.map((a) => [a.id, a]));
  const assignmentStamp = { acknowledge_assignment: 'acknowledged_at', mark_en_route: 'en_route_at', mark_on_scene: 'on_scene_at', complete_assignment: 'completed_at' } as const;
  for (const step of acknowledged) {
    if (step.kind === 'call_answered' || step.kind === 'incident_reported') {
      const c = callsById.get(step.callId);
      if (!c || c.idempotency_key !== step.key) problems.push(`acknowledged call ${step.callId} (key ${step.key}) is lost`);
      else if (step.kind === 'call_answered' && c.answered_at === null) problems.push(`acknowledged answer of call ${c.id} is lost`);
      else if (step.kind === 'incident_reported' && (c.incident_id === null || c.ended_at === null)) problems.push(`acknowledged report of call ${c.id} is lost`);
    } else if (step.kind === 'dispatched') {
      const i = incidents.find((x) => x.id === step.incidentId);
      if (!i || i.dispatched_at === null) problems.push(`acknowledged dispatch of incident ${step.incidentId} is lost`);
    } else if ('assignmentId' in step && step.kind !== 'decline_assignment') {
      const a = assignmentsById.get(step.assignmentId);
      if (!a || a[assignmentStamp[step.kind]] === null) problems.push(`acknowledged ${step.kind} of assignment ${step.assignmentId} is lost`);
    }
  }
  const keys = calls.map((c) => c.idempotency_key);
  if (new Set(keys).size !== keys.length) problems.push('two calls share an idempotency key');
  return { calls: calls.length, incidents: incidents.length, assignments: assignments.length, events: events.length, problems };
}
