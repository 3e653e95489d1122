/**
 * What the simulated people of one run share: options, metrics, the reference data the supervisors
 * dispatch with, the desks where work waits for a free person, the records of what happened to each
 * call and incident (checked against the database by the smoke test), and the timing helpers that
 * end early when the run is stopped.
 */
import type { Db } from '../../data/db';
import type { AgencyKind, RunCard } from '../../domain/dispatch-agencies';
import type { WorkflowErrorCode } from '../../domain/workflow-errors';
import type { WriteFailure, WriteResult } from '../../domain/write-failure';
import type { Desk } from '../desk';
import type { Metrics } from '../metrics';
import type { SimOptions } from '../options';
import type { PlannedCall } from '../plan';
import type { RunCardAgency, RunCardPost } from '../run-card';

export interface Person {
  userId: string;
  email: string;
  client: Db;
  /** Operators: the desk phone's extension. */
  extension: string | null;
  /** Liaisons: their agency. */
  agencyId: string | null;
}

export interface CallRecord {
  index: number;
  externalId: string;
  type: PlannedCall['type'];
  /** calls.id, from the webhook's answer. */
  callId: string | null;
  operatorId: string | null;
  outcome: 'ringing' | 'talking' | 'abandoned' | 'ended' | 'failed' | 'unfinished';
  incidentId: string | null;
  /** True when the call joined an open incident instead of reporting one. */
  linked: boolean;
}

export interface IncidentRecord {
  incidentId: string;
  callIndex: number;
  agencyIds: string[];
  assignmentIds: string[];
  completed: number;
  outcome: 'reported' | 'dispatched' | 'resolved' | 'closed' | 'cancelled' | 'failed';
}

export type SupervisorTask = { kind: 'dispatch' | 'close'; incident: IncidentRecord; plan: PlannedCall };

export interface Waiting<Work> {
  work: Work;
  take: (person: Person) => void;
}

export interface SimContext {
  options: SimOptions;
  metrics: Metrics;
  plan: readonly PlannedCall[];
  agencies: RunCardAgency[];
  posts: RunCardPost[];
  runCards: RunCard[];
  staffed: ReadonlySet<string>;
  liaisons: ReadonlyMap<string, Person[]>;
  operatorDesk: Desk<Person, Waiting<PlannedCall>>;
  supervisorDesk: Desk<Person, Waiting<SupervisorTask>>;
  calls: Map<number, CallRecord>;
  incidents: Map<string, IncidentRecord>;
  signal: AbortSignal;
  /** Resolves (with null) when the run is stopped: one promise for every wait at a desk. */
  stopped: Promise<null>;
  /** Keeps a chain of work in flight, so the run waits for it to finish. */
  spawn: (work: Promise<void>) => void;
  /** Round-robin counter per agency, to spread assignments over the agency's liaisons. */
  nextLiaison: Map<string, number>;
  /** Agency kinds a run card called for that no simulated liaison staffs (in the summary). */
  missingKinds: Set<AgencyKind>;
}

/** Waits, or ends early (false) when the run is stopped. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve(!signal.aborted);
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}

export function describeFailure(failure: WriteFailure): string {
  switch (failure.kind) {
    case 'workflow':
      return failure.code;
    case 'network':
      return `no answer (${failure.detail})`;
    case 'server':
    case 'other':
      return `HTTP ${failure.status} ${failure.detail}`;
  }
}

/**
 * Runs one action, times it and counts it: success, an expected refusal (a conflict: `expected`
 * codes), or an error with its message. Never throws.
 */
export async function act<T>(
  ctx: SimContext,
  action: string,
  run: () => PromiseLike<WriteResult<T>>,
  expected: readonly WorkflowErrorCode[] = [],
): Promise<WriteResult<T>> {
  const started = performance.now();
  let result: WriteResult<T>;
  try {
    result = await run();
  } catch (err) {
    result = { ok: false, failure: { kind: 'network', detail: err instanceof Error ? err.message : String(err) } };
  }
  ctx.metrics.record(action, performance.now() - started);
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'workflow' && expected.includes(failure.code)) ctx.metrics.conflict(action, failure.code);
    else if (ctx.signal.aborted) ctx.metrics.interrupted++;
    else ctx.metrics.error(action, describeFailure(failure));
  }
  return result;
}

/** Work for the first free person of a desk: resolves with that person when they take it. */
export function waitForPerson<Work>(desk: Desk<Person, Waiting<Work>>, work: Work): { taken: Promise<Person>; entry: Waiting<Work> } {
  let take!: (p: Person) => void;
  const taken = new Promise<Person>((resolve) => (take = resolve));
  const entry: Waiting<Work> = { work, take };
  const now = desk.offer(entry);
  if (now) take(now);
  return { taken, entry };
}

/** The person is free: the oldest waiting work goes to them. */
export function releasePerson<Work>(desk: Desk<Person, Waiting<Work>>, person: Person): void {
  const next = desk.release(person);
  if (next) next.take(person);
}
