/**
 * Exactly once, from the database's own records: after a run, SQL over the run's external ids and
 * the audit trail (incident_events) must show every simulated call once, each of its steps once,
 * every reported incident once with its dispatch and its closing once, and every assignment of the
 * run card once with each of its field steps once. Reads only, with the ids as bind parameters.
 */
import { z } from 'zod';
import type { Queryable } from '../../supabase/local/db/database';

/** What the check needs of a simulator run (SimResult's calls and incidents). */
export const simRunSchema = z.object({
  calls: z
    .array(
      z.object({
        externalId: z.string(),
        callId: z.string().nullable(),
        operatorId: z.string().nullable(),
        type: z.string(),
        outcome: z.string(),
        incidentId: z.string().nullable(),
        linked: z.boolean(),
      }),
    )
    .max(100_000),
  incidents: z
    .array(z.object({ incidentId: z.string().uuid(), agencyIds: z.array(z.string()), assignmentIds: z.array(z.string()), outcome: z.string() }))
    .max(100_000),
});
export type SimRun = z.infer<typeof simRunSchema>;

export interface ExactlyOnceReport {
  ok: boolean;
  calls: number;
  incidents: number;
  assignments: number;
  events: number;
  /** What did not hold (first 20). */
  problems: string[];
}

type Counts = Map<string, number>;

const ASSIGNMENT_STEPS = ['acknowledged', 'en_route', 'on_scene', 'completed'] as const;

export async function checkExactlyOnce(db: Queryable, runs: readonly SimRun[]): Promise<ExactlyOnceReport> {
  const simCalls = runs.flatMap((r) => r.calls);
  const simIncidents = runs.flatMap((r) => r.incidents);
  const problems: string[] = [];
  const problem = (p: string) => void (problems.length < 20 ? problems.push(p) : undefined);

  const calls = await db.query<{ id: string; external_id: string; operator_id: string | null; incident_id: string | null; call_type: string | null; ended: boolean }>(
    `select id, external_id, operator_id, incident_id, call_type::text, ended_at is not null as ended
       from public.calls where external_id = any($1::text[])`,
    [simCalls.map((c) => c.externalId)],
  );
  const callIds = calls.rows.map((c) => c.id);
  const incidentIds = simIncidents.map((i) => i.incidentId);
  const [callEvents, incidentEvents, assignments, incidents] = await Promise.all([
    db.query<{ call_id: string; kind: string; n: number }>(
      `select call_id, kind::text, count(*)::int as n from public.incident_events where call_id = any($1::uuid[]) group by 1, 2`,
      [callIds],
    ),
    db.query<{ incident_id: string; assignment_id: string | null; kind: string; n: number }>(
      `select incident_id, assignment_id, kind::text, count(*)::int as n from public.incident_events
        where incident_id = any($1::uuid[]) and call_id is null group by 1, 2, 3`,
      [incidentIds],
    ),
    db.query<{ id: string; incident_id: string; agency_id: string; status: string }>(
      `select id, incident_id, agency_id, status::text from public.assignments where incident_id = any($1::uuid[])`,
      [incidentIds],
    ),
    db.query<{ id: string; status: string }>(`select id, status::text from public.incidents where id = any($1::uuid[])`, [incidentIds]),
  ]);

  const perCall: Counts = new Map(callEvents.rows.map((e) => [`${e.call_id}:${e.kind}`, e.n]));
  const n = (m: Counts, k: string) => m.get(k) ?? 0;
  const byExternal = new Map<string, (typeof calls.rows)[number][]>();
  for (const c of calls.rows) byExternal.set(c.external_id, [...(byExternal.get(c.external_id) ?? []), c]);
  const expectOnce = (what: string, got: number, want: number) => {
    if (got !== want) problem(`${what}: ${got} (expected ${want})`);
  };

  for (const sim of simCalls) {
    const rows = byExternal.get(sim.externalId) ?? [];
    const finished = sim.outcome === 'ended' || sim.outcome === 'abandoned';
    if (!finished) {
      // A run stopped early (Ctrl-C, drain timeout): whatever it reached is there at most once.
      if (rows.length > 1) problem(`call ${sim.externalId} rows: ${rows.length}`);
      for (const r of rows) {
        for (const [k, count] of perCall) if (k.startsWith(`${r.id}:`) && count > 1) problem(`call ${sim.externalId} ${k.slice(r.id.length + 1)}: ${count}`);
      }
      continue;
    }
    expectOnce(`call ${sim.externalId} rows`, rows.length, 1);
    const row = rows[0];
    if (!row) continue;
    if (sim.callId !== row.id) problem(`call ${sim.externalId}: the simulator has ${sim.callId}, the database ${row.id}`);
    if (!row.ended) problem(`call ${sim.externalId}: not ended`);
    const k = (kind: string) => n(perCall, `${row.id}:${kind}`);
    expectOnce(`call ${sim.externalId} call_started`, k('call_started'), 1);
    expectOnce(`call ${sim.externalId} call_ended`, k('call_ended'), 1);
    if (sim.outcome === 'abandoned') {
      expectOnce(`call ${sim.externalId} call_answered`, k('call_answered'), 0);
      continue;
    }
    if (row.operator_id !== sim.operatorId) problem(`call ${sim.externalId}: operator ${row.operator_id}, simulator ${sim.operatorId}`);
    if (row.call_type !== sim.type) problem(`call ${sim.externalId}: type ${row.call_type}, simulator ${sim.type}`);
    if (row.incident_id !== sim.incidentId) problem(`call ${sim.externalId}: incident ${row.incident_id}, simulator ${sim.incidentId}`);
    expectOnce(`call ${sim.externalId} call_answered`, k('call_answered'), 1);
    expectOnce(`call ${sim.externalId} call_classified`, k('call_classified'), 1);
    expectOnce(`call ${sim.externalId} line_ended`, k('line_ended'), 1);
    expectOnce(`call ${sim.externalId} incident_reported`, k('incident_reported'), sim.incidentId && !sim.linked ? 1 : 0);
    expectOnce(`call ${sim.externalId} call_linked`, k('call_linked'), sim.linked ? 1 : 0);
  }

  const reported = new Map<string, number>();
  for (const e of callEvents.rows) if (e.kind === 'incident_reported') reported.set(e.call_id, e.n);
  const perIncident: Counts = new Map();
  const perAssignment: Counts = new Map();
  for (const e of incidentEvents.rows) {
    if (e.assignment_id) perAssignment.set(`${e.assignment_id}:${e.kind}`, n(perAssignment, `${e.assignment_id}:${e.kind}`) + e.n);
    else perIncident.set(`${e.incident_id}:${e.kind}`, n(perIncident, `${e.incident_id}:${e.kind}`) + e.n);
  }
  const incidentStatus = new Map(incidents.rows.map((i) => [i.id, i.status]));
  for (const sim of simIncidents) {
    const id = sim.incidentId;
    if (!incidentStatus.has(id)) {
      problem(`incident ${id}: no row`);
      continue;
    }
    const wantStatus = sim.outcome === 'closed' || sim.outcome === 'cancelled' ? sim.outcome : null;
    if (wantStatus && incidentStatus.get(id) !== wantStatus) problem(`incident ${id}: ${incidentStatus.get(id)}, simulator ${wantStatus}`);
    const own = assignments.rows.filter((a) => a.incident_id === id);
    const agencies = own.map((a) => a.agency_id).sort();
    if (agencies.join() !== [...sim.agencyIds].sort().join()) problem(`incident ${id}: agencies ${agencies.join()} , run card ${[...sim.agencyIds].sort().join()}`);
    const ids = own.map((a) => a.id);
    // An incident still open when a run stopped may have been dispatched before the simulator read
    // all its assignments back: the ones it read must be there, and its agencies (checked above, each
    // once) say nothing was doubled. A finished incident's assignments are exactly the simulator's.
    const finishedIncident = sim.outcome === 'closed' || sim.outcome === 'cancelled';
    const idsAgree = finishedIncident ? ids.sort().join() === [...sim.assignmentIds].sort().join() : sim.assignmentIds.every((a) => ids.includes(a));
    if (!idsAgree) problem(`incident ${id}: assignment ids differ from the simulator's`);
    expectOnce(`incident ${id} dispatched`, n(perIncident, `${id}:dispatched`), sim.agencyIds.length ? 1 : 0);
    expectOnce(`incident ${id} closed`, n(perIncident, `${id}:closed`), sim.outcome === 'closed' ? 1 : 0);
    expectOnce(`incident ${id} cancelled`, n(perIncident, `${id}:cancelled`), sim.outcome === 'cancelled' ? 1 : 0);
    for (const a of own) {
      if (sim.outcome === 'closed' && a.status !== 'completed') problem(`assignment ${a.id}: ${a.status} on a closed incident`);
      // A completed assignment went through every step once; one stopped on the way, each at most once.
      for (const step of ASSIGNMENT_STEPS) {
        const got = n(perAssignment, `${a.id}:${step}`);
        if (a.status === 'completed') expectOnce(`assignment ${a.id} ${step}`, got, 1);
        else if (got > 1) problem(`assignment ${a.id} ${step}: ${got}`);
      }
    }
  }
  const reportedIncidents = calls.rows.filter((c) => n(reported, c.id) > 0).map((c) => c.incident_id);
  if (new Set(reportedIncidents).size !== simIncidents.length) problem(`${new Set(reportedIncidents).size} incidents reported by the run's calls, simulator ${simIncidents.length}`);

  const events = callEvents.rows.reduce((s, e) => s + e.n, 0) + incidentEvents.rows.reduce((s, e) => s + e.n, 0);
  return { ok: problems.length === 0, calls: calls.rows.length, incidents: incidents.rows.length, assignments: assignments.rows.length, events, problems };
}
