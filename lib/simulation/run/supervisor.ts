/**
 * The supervisors: a reported incident waits for a free supervisor, who reads it, chooses agencies by
 * the simulator's run card and dispatches it; a resolved incident waits for one who closes it. Now
 * and then a second free supervisor opens the same incident at the same moment, as happens on a busy
 * floor: one of them wins, the other gets the version conflict, reloads and sees it done.
 */
import { closeIncident } from '../../data/dispatch-actions';
import { toWriteResult } from '../../data/write-result';
import { isRefusal, type WriteFailure, type WriteResult } from '../../domain/write-failure';
import type { Tables } from '../../supabase/database.types';
import { drawDelay } from '../delays';
import { chance, deriveRng } from '../random';
import { chooseAgencies } from '../run-card';
import { runCardFor } from '../../domain/dispatch-agencies';
import { act, releasePerson, sleep, waitForPerson, type Person, type SimContext, type SupervisorTask } from './context';
import { startAssignments } from './liaison';

/** How often a supervisor reloads and tries again after a version conflict. */
const MAX_ATTEMPTS = 3;

/** Summary written when closing, and the reason when no simulated agency can take the incident. */
const CLOSE_SUMMARY = 'Penanganan selesai sesuai laporan lapangan OPD (simulasi).';
const NO_AGENCY_REASON = 'Tidak ada OPD simulasi untuk kategori ini.';

/** Two people changed the incident at once: reload and look again. */
function isConflict(failure: WriteFailure): boolean {
  return isRefusal(failure, 'stale_version') || isRefusal(failure, 'invalid_state');
}

export function enqueueSupervisorTask(ctx: SimContext, task: SupervisorTask): void {
  ctx.spawn(runTask(ctx, task));
}

async function runTask(ctx: SimContext, task: SupervisorTask): Promise<void> {
  const { taken, entry } = waitForPerson(ctx.supervisorDesk, task);
  const supervisor = await Promise.race([taken, ctx.stopped]);
  if (!supervisor) {
    if (!ctx.supervisorDesk.withdraw(entry)) void taken.then((p) => releasePerson(ctx.supervisorDesk, p));
    return;
  }
  const rng = deriveRng(ctx.options.seed, `${task.kind}:${task.plan.index}`);
  // A second supervisor on the same incident, if one is free at this moment.
  const second = task.kind === 'dispatch' && chance(rng, ctx.options.conflictShare) ? ctx.supervisorDesk.takeFree() : null;
  try {
    if (!(await sleep(drawDelay(rng, task.kind, ctx.options.speed), ctx.signal))) return;
    if (task.kind === 'dispatch') {
      await Promise.all([dispatch(ctx, supervisor, task), ...(second ? [dispatch(ctx, second, task)] : [])]);
    } else {
      await close(ctx, supervisor, task);
    }
  } finally {
    releasePerson(ctx.supervisorDesk, supervisor);
    if (second) releasePerson(ctx.supervisorDesk, second);
  }
}

type IncidentView = Pick<Tables<'incidents'>, 'id' | 'status' | 'version' | 'category' | 'lat' | 'lng'>;

function readIncident(ctx: SimContext, supervisor: Person, incidentId: string): Promise<WriteResult<IncidentView>> {
  return act(ctx, 'read incident', async () =>
    toWriteResult(await supervisor.client.from('incidents').select('id, status, version, category, lat, lng').eq('id', incidentId).single()),
  );
}

async function dispatch(ctx: SimContext, supervisor: Person, task: SupervisorTask): Promise<void> {
  const record = task.incident;
  const emergency = task.plan.emergency;
  if (!emergency) throw new Error(`incident of call ${task.plan.index} has no emergency plan`);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await readIncident(ctx, supervisor, record.incidentId);
    if (!current.ok) return void (record.outcome = 'failed');
    // The other supervisor got there first: the screen now shows it dispatched.
    if (current.data.status !== 'reported') return;
    const choice = chooseAgencies(runCardFor(ctx.runCards, emergency.category), current.data, ctx.agencies, ctx.posts, ctx.staffed);
    for (const kind of choice.missingKinds) ctx.missingKinds.add(kind);
    if (choice.agencyIds.length === 0) {
      const cancelled = await act(
        ctx,
        'cancel incident',
        async () =>
          toWriteResult(
            await supervisor.client.rpc('cancel_incident', { p_incident_id: record.incidentId, p_reason: NO_AGENCY_REASON, p_expected_version: current.data.version }),
          ),
        ['stale_version', 'invalid_state'],
      );
      if (cancelled.ok) return void (record.outcome = 'cancelled');
      if (isConflict(cancelled.failure)) continue;
      return void (record.outcome = 'failed');
    }
    // The run card's agencies at once: dispatch_incident takes several, in one transaction.
    const dispatched = await act(
      ctx,
      'dispatch',
      async () =>
        toWriteResult(
          await supervisor.client.rpc('dispatch_incident', {
            p_incident_id: record.incidentId,
            p_agency_ids: choice.agencyIds,
            p_expected_version: current.data.version,
          }),
        ),
      ['stale_version', 'invalid_state'],
    );
    if (dispatched.ok) {
      record.agencyIds = choice.agencyIds;
      record.outcome = 'dispatched';
      startAssignments(ctx, record, task.plan, () => enqueueSupervisorTask(ctx, { kind: 'close', incident: record, plan: task.plan }));
      return;
    }
    if (!isConflict(dispatched.failure)) return void (record.outcome = 'failed');
  }
  ctx.metrics.error('dispatch', `still conflicting after ${MAX_ATTEMPTS} attempts`);
  record.outcome = 'failed';
}

async function close(ctx: SimContext, supervisor: Person, task: SupervisorTask): Promise<void> {
  const record = task.incident;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await readIncident(ctx, supervisor, record.incidentId);
    if (!current.ok) return void (record.outcome = 'failed');
    if (current.data.status !== 'resolved') {
      ctx.metrics.error('close incident', `incident is ${current.data.status}, not resolved, after every agency completed`);
      return void (record.outcome = 'failed');
    }
    const closed = await act(ctx, 'close incident', () => closeIncident(supervisor.client, current.data, CLOSE_SUMMARY, false), ['stale_version']);
    if (closed.ok) return void (record.outcome = 'closed');
    if (!isConflict(closed.failure)) return void (record.outcome = 'failed');
  }
  ctx.metrics.error('close incident', `still conflicting after ${MAX_ATTEMPTS} attempts`);
  record.outcome = 'failed';
}
