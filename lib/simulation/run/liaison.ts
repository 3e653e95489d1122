/**
 * The OPD liaisons: each assignment goes to one of its agency's simulated liaisons (in turn), who
 * acknowledges it, sends the unit, reports it on scene and completes it with a field report, each step
 * through lib/data/opd.ts's sendAssignmentStep with the assignment's version, as the liaison's phone
 * does. The last completed assignment of an incident puts it in the supervisors' queue for closing.
 */
import { sendAssignmentStep } from '../../data/opd';
import { toWriteResult } from '../../data/write-result';
import type { QueueItem, SendResult } from '../../domain/offline-queue';
import { drawDelay, type DelayKind } from '../delays';
import { deriveRng, uniform } from '../random';
import type { PlannedCall } from '../plan';
import { act, sleep, type IncidentRecord, type Person, type SimContext } from './context';

const STEPS: ReadonlyArray<{ action: QueueItem['action']; delay: DelayKind; label: string }> = [
  { action: 'acknowledge_assignment', delay: 'acknowledge', label: 'acknowledge' },
  { action: 'mark_en_route', delay: 'enRoute', label: 'en route' },
  { action: 'mark_on_scene', delay: 'travel', label: 'on scene' },
  { action: 'complete_assignment', delay: 'onSceneWork', label: 'complete' },
];

interface AssignmentRef {
  id: string;
  version: number;
}

const FIELD_REPORT = 'Unit tiba dan menangani kejadian; situasi terkendali (laporan lapangan simulasi).';

function liaisonFor(ctx: SimContext, agencyId: string): Person {
  const people = ctx.liaisons.get(agencyId);
  if (!people?.length) throw new Error(`agency ${agencyId} was dispatched without a simulated liaison`);
  const n = ctx.nextLiaison.get(agencyId) ?? 0;
  ctx.nextLiaison.set(agencyId, n + 1);
  return people[n % people.length];
}

async function readAssignment(ctx: SimContext, liaison: Person, incident: IncidentRecord, agencyId: string): Promise<AssignmentRef | null> {
  const read = await act(ctx, 'read assignment', async () =>
    toWriteResult<AssignmentRef>(await liaison.client.from('assignments').select('id, version').eq('incident_id', incident.incidentId).eq('agency_id', agencyId).single()),
  );
  if (!read.ok) return null;
  incident.assignmentIds.push(read.data.id);
  return read.data;
}

/** Each dispatched agency's liaison works its assignment; `onResolved` runs once all are completed. */
export function startAssignments(ctx: SimContext, incident: IncidentRecord, plan: PlannedCall, onResolved: () => void): void {
  incident.agencyIds.forEach((agencyId, i) => ctx.spawn(work(ctx, incident, plan, agencyId, i, onResolved)));
}

async function work(
  ctx: SimContext,
  incident: IncidentRecord,
  plan: PlannedCall,
  agencyId: string,
  nth: number,
  onResolved: () => void,
): Promise<void> {
  const liaison = liaisonFor(ctx, agencyId);
  const rng = deriveRng(ctx.options.seed, `assignment:${plan.index}:${nth}`);
  let state: AssignmentRef | null = null;
  for (const step of STEPS) {
    if (!(await sleep(drawDelay(rng, step.delay, ctx.options.speed), ctx.signal))) return;
    // The liaison's inbox shows the new assignment; its id and version come from there.
    state ??= await readAssignment(ctx, liaison, incident, agencyId);
    if (!state) return void (incident.outcome = 'failed');
    const { id, version }: AssignmentRef = state;
    const completing = step.action === 'complete_assignment';
    const counts = completing
      ? { dead: 0, seriouslyInjured: Math.floor(uniform(rng, 0, 2)), lightlyInjured: Math.floor(uniform(rng, 0, 4)), evacuated: 0 }
      : undefined;
    const sent: SendResult = await act(ctx, step.label, () =>
      sendAssignmentStep(liaison.client, { assignmentId: id, action: step.action, expectedVersion: version, text: completing ? FIELD_REPORT : undefined, counts }),
    );
    if (!sent.ok || !sent.data) return void (incident.outcome = 'failed');
    state = { id, version: sent.data.version };
  }
  incident.completed++;
  if (incident.completed === incident.agencyIds.length) {
    incident.outcome = 'resolved';
    onResolved();
  }
}
