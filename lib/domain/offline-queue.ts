/**
 * The OPD liaison's outbox for assignment steps taken on a flaky mobile connection: pure queue logic
 * (no I/O). A step is queued, shown as pending and sent when the connection is back, exactly once.
 *
 * Why "exactly once" holds although a request may reach the server and its answer be lost:
 * every workflow function takes the assignment's expected version and bumps it. A retry of a step
 * that already applied is therefore refused (stale_version or invalid_state); the queue then reads
 * the assignment and, when it already stands in the step's target state, counts the step as done
 * instead of showing a false error. Only this agency can move its assignment into those states
 * (the database checks the agency), so "already there" means "our step applied".
 * When the version moved for another reason (the supervisor recorded a follow-up, which bumps the
 * version) and the state still allows the step, it is re-sent once with the current version.
 */
// Types only: the one result of every write, so this module stays free of I/O and of i18n.
import type { WriteFailure, WriteResult } from './write-failure';
import { ASSIGNMENT_TRANSITIONS, type AssignmentAction, type AssignmentStatus } from './workflow';
import { isCounts, type Counts } from './opd-inbox';
import { isDispatchFeedback, type DispatchFeedback } from './dispatch-feedback';
import type { WorkflowErrorCode } from './workflow-errors';

export type QueueItemState = 'pending' | 'sending' | 'failed';

export interface QueueItem {
  /** Client-made id, stable across retries and page reloads. */
  id: string;
  assignmentId: string;
  action: AssignmentAction;
  /** The assignment version the step was decided on. */
  expectedVersion: number;
  /** Field report (complete) or reason (decline). */
  text?: string;
  /** Victim counts of a completion, sent as data so a step queued offline keeps them. */
  counts?: Counts;
  /** The completion's answers on dispatch accuracy, sent before it (answering again is harmless). */
  feedback?: DispatchFeedback;
  /** Local clock when the liaison took the step (display only; the database stamps the real time). */
  createdAtMs: number;
  state: QueueItemState;
  attempts: number;
  /** Refusal code of a failed step. */
  errorCode?: WorkflowErrorCode | 'unexpected';
  errorMessage?: string;
}

export type NewQueueItem = Pick<QueueItem, 'id' | 'assignmentId' | 'action' | 'expectedVersion' | 'text' | 'counts' | 'feedback' | 'createdAtMs'>;

/** Where an assignment stands: what a step moves it to, and the version the next step must expect. */
export interface AssignmentState {
  status: AssignmentStatus;
  version: number;
}

/** The target status of a step. */
export function targetStatus(action: AssignmentAction): AssignmentStatus {
  return ASSIGNMENT_TRANSITIONS[action].to;
}

/** Steps of one assignment still to be sent, oldest first (failed ones wait for the liaison). */
export function outstandingFor(queue: readonly QueueItem[], assignmentId: string): QueueItem[] {
  return queue.filter((i) => i.assignmentId === assignmentId && i.state !== 'failed');
}

/**
 * The status the assignment will have once its queued steps are applied, and the version the next
 * step must expect (each OPD step bumps the version by one). Lets the liaison go on offline, e.g.
 * acknowledge and then mark en route before the first step was sent.
 */
export function effectiveAssignment(
  queue: readonly QueueItem[],
  current: AssignmentState & { id: string },
): AssignmentState {
  const pending = outstandingFor(queue, current.id);
  if (pending.length === 0) return { status: current.status, version: current.version };
  const last = pending[pending.length - 1];
  return { status: targetStatus(last.action), version: Math.max(current.version, last.expectedVersion + 1) };
}

/**
 * Adds a step, unless the same step of the same assignment is already waiting (a double tap, or a
 * tap again because the first looked stuck): that would be the second application the queue exists
 * to prevent.
 */
export function enqueue(queue: readonly QueueItem[], item: NewQueueItem): QueueItem[] {
  if (queue.some((i) => i.assignmentId === item.assignmentId && i.action === item.action && i.state !== 'failed')) {
    return [...queue];
  }
  return [...queue, { ...item, state: 'pending', attempts: 0 }];
}

/**
 * The next step to send: the oldest one not failed. Steps go one at a time in the order taken, so a
 * later step of an assignment never overtakes an earlier one. A step left `sending` (page closed or
 * reloaded mid-request) is sent again; its outcome is unknown and the reconciliation covers it.
 */
export function nextToSend(queue: readonly QueueItem[]): QueueItem | undefined {
  return queue.find((i) => i.state !== 'failed');
}

export function markSending(queue: readonly QueueItem[], id: string): QueueItem[] {
  return queue.map((i) => (i.id === id ? { ...i, state: 'sending', attempts: i.attempts + 1 } : i));
}

/**
 * What came back from one attempt: the assignment as the workflow function returned it (null if the
 * answer carried no row: the step still applied), or why the write failed.
 */
export type SendResult = WriteResult<AssignmentState | null>;

/** What the queue does with the step after an attempt. */
export type Resolution =
  | { kind: 'done'; alreadyApplied: boolean }
  | { kind: 'retry_later' }
  | { kind: 'reconcile' }
  | { kind: 'failed'; code: WorkflowErrorCode | 'unexpected'; message: string };

/**
 * A failure that says nothing about the step, so it is kept and sent again: no answer (it may or may
 * not have reached the database), a server fault, or an expired session (401, PostgREST's
 * PGRST301), which supabase-js refreshes before the next attempt.
 */
function isTransient(failure: WriteFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'server' || (failure.kind === 'other' && failure.status === 401);
}

/**
 * First look at an attempt's result; a version or state refusal needs the current row (`reconcile`).
 * `describe` words a final failure for the liaison (the caller translates; this module stays pure).
 */
export function resolveAttempt(result: SendResult, describe: (failure: WriteFailure) => string): Resolution {
  if (result.ok) return { kind: 'done', alreadyApplied: false };
  const { failure } = result;
  if (isTransient(failure)) return { kind: 'retry_later' };
  if (failure.kind !== 'workflow') return { kind: 'failed', code: 'unexpected', message: describe(failure) };
  if (failure.code === 'stale_version' || failure.code === 'invalid_state') return { kind: 'reconcile' };
  return { kind: 'failed', code: failure.code, message: describe(failure) };
}

export type Reconciliation =
  | { kind: 'done'; alreadyApplied: true }
  | { kind: 'resend'; expectedVersion: number }
  | { kind: 'failed'; code: WorkflowErrorCode; message: string };

/**
 * Decides a version/state refusal from the assignment as it is now (null: no longer visible).
 * `resentOnce` stops a second automatic re-send: two moving versions in a row are a real conflict.
 */
export function reconcile(
  item: Pick<QueueItem, 'action' | 'expectedVersion'>,
  current: AssignmentState | null,
  resentOnce: boolean,
  messages: { stale: string; invalid: string; notFound: string },
): Reconciliation {
  if (current === null) return { kind: 'failed', code: 'assignment_not_found', message: messages.notFound };
  if (current.status === targetStatus(item.action)) return { kind: 'done', alreadyApplied: true };
  const stillAllowed = ASSIGNMENT_TRANSITIONS[item.action].from.includes(current.status);
  if (stillAllowed && current.version !== item.expectedVersion && !resentOnce) {
    return { kind: 'resend', expectedVersion: current.version };
  }
  return stillAllowed
    ? { kind: 'failed', code: 'stale_version', message: messages.stale }
    : { kind: 'failed', code: 'invalid_state', message: messages.invalid };
}

/** Applies a final resolution to the queue: done steps leave it, failed ones stay for the liaison to see. */
export function settle(
  queue: readonly QueueItem[],
  id: string,
  outcome: { kind: 'done' } | { kind: 'retry_later' } | { kind: 'failed'; code: WorkflowErrorCode | 'unexpected'; message: string },
): QueueItem[] {
  switch (outcome.kind) {
    case 'done':
      return queue.filter((i) => i.id !== id);
    case 'retry_later':
      return queue.map((i) => (i.id === id ? { ...i, state: 'pending' } : i));
    case 'failed':
      // Later steps of the same assignment were decided on top of this one: they cannot go either.
    {
      const index = queue.findIndex((q) => q.id === id);
      if (index < 0) return [...queue];
      const assignmentId = queue[index].assignmentId;
      return queue.map((i, n) =>
        n === index || (n > index && i.assignmentId === assignmentId && i.state !== 'failed')
          ? { ...i, state: 'failed', errorCode: outcome.code, errorMessage: outcome.message }
          : i,
      );
    }
  }
}

/** Removes a failed step the liaison has read. */
export function dismiss(queue: readonly QueueItem[], id: string): QueueItem[] {
  return queue.filter((i) => !(i.id === id && i.state === 'failed'));
}

/** Updates the expected version of a step before it is re-sent. */
export function withExpectedVersion(queue: readonly QueueItem[], id: string, expectedVersion: number): QueueItem[] {
  return queue.map((i) => (i.id === id ? { ...i, expectedVersion } : i));
}

const ACTIONS: ReadonlySet<string> = new Set(Object.keys(ASSIGNMENT_TRANSITIONS));
const STATES: ReadonlySet<string> = new Set(['pending', 'sending', 'failed']);

function isQueueItem(value: unknown): value is QueueItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.assignmentId === 'string' &&
    typeof v.action === 'string' &&
    ACTIONS.has(v.action) &&
    typeof v.expectedVersion === 'number' &&
    (v.text === undefined || typeof v.text === 'string') &&
    (v.counts === undefined || isCounts(v.counts)) &&
    (v.feedback === undefined || isDispatchFeedback(v.feedback)) &&
    typeof v.createdAtMs === 'number' &&
    typeof v.state === 'string' &&
    STATES.has(v.state) &&
    typeof v.attempts === 'number'
  );
}

/** A stored queue as read back. */
export interface StoredQueue {
  /** The steps that could be read, in their order. */
  items: QueueItem[];
  /**
   * Some or all of the stored text was not a readable step (a write cut off, an older format, a hand
   * edit). Those steps may never have been sent: the caller keeps the text and tells the liaison.
   */
  unreadable: boolean;
}

/** Reads a stored queue, step by step: one malformed entry must not cost the readable ones. */
export function parseQueue(text: string | null): StoredQueue {
  if (!text) return { items: [], unreadable: false };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { items: [], unreadable: true };
  }
  if (!Array.isArray(data)) return { items: [], unreadable: true };
  const items = data.filter(isQueueItem);
  return { items, unreadable: items.length < data.length };
}

export function serializeQueue(queue: readonly QueueItem[]): string {
  return JSON.stringify(queue);
}
