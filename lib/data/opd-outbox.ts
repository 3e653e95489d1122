/**
 * Sends the OPD liaison's outbox: the steps of lib/domain/offline-queue.ts, one at a time in the
 * order taken, each re-sent after a lost answer and reconciled against the assignment when a retry
 * is refused, so a step applies exactly once. Free of React and of the browser (storage, `online`
 * and wording are given), so the phone's provider and the stack-kill conformance test run the same
 * loop against a real stack.
 */
import type { WriteFailure } from '@/lib/domain/write-failure';
import {
  markSending,
  nextToSend,
  reconcile,
  resolveAttempt,
  settle,
  withExpectedVersion,
  type AssignmentState,
  type QueueItem,
  type Resolution,
} from '@/lib/domain/offline-queue';
import type { Db } from './db';
import { readAssignmentState, sendAssignmentStep } from './opd';

export interface OutboxDeps {
  client: Db;
  /** The stored queue: every change is written back before the next request goes out. */
  get(): readonly QueueItem[];
  set(next: readonly QueueItem[]): void;
  /** False stops the loop before the next step (the browser's `navigator.onLine`). */
  online(): boolean;
  /** Words a final failure for the liaison. */
  describe(failure: WriteFailure): string;
  /** Words of the refusals decided by reconciliation. */
  messages(): { stale: string; invalid: string; notFound: string };
  /** The assignment as a step left it (newer than the live rows until their change arrives). */
  remember(assignmentId: string, state: AssignmentState | null): void;
}

/**
 * Sends steps until the queue is empty, the connection is gone or a step must wait (no answer, a
 * server fault): that step stays pending for the next call. The caller keeps two calls from
 * overlapping.
 */
export async function flushOutbox(deps: OutboxDeps): Promise<void> {
  const { client, get, set, describe, remember } = deps;
  for (;;) {
    const item = nextToSend(get());
    if (!item || !deps.online()) return;
    set(markSending(get(), item.id));
    let attempt = item;
    let result = await sendAssignmentStep(client, attempt);
    let resolution: Resolution = resolveAttempt(result, describe);
    if (result.ok) remember(item.assignmentId, result.data);
    let resent = false;
    while (resolution.kind === 'reconcile') {
      let current: AssignmentState | null;
      try {
        current = await readAssignmentState(client, item.assignmentId);
      } catch {
        // Could not read it back (connection dropped again): decide on the next attempt.
        resolution = { kind: 'retry_later' };
        break;
      }
      const r = reconcile(attempt, current, resent, deps.messages());
      if (r.kind === 'resend') {
        resent = true;
        attempt = { ...attempt, expectedVersion: r.expectedVersion };
        set(withExpectedVersion(get(), item.id, r.expectedVersion));
        result = await sendAssignmentStep(client, attempt);
        resolution = resolveAttempt(result, describe);
        if (result.ok) remember(item.assignmentId, result.data);
      } else if (r.kind === 'done') {
        if (current) remember(item.assignmentId, current);
        resolution = { kind: 'done', alreadyApplied: true };
      } else {
        resolution = { kind: 'failed', code: r.code, message: r.message };
      }
    }
    if (resolution.kind === 'retry_later') {
      set(settle(get(), item.id, { kind: 'retry_later' }));
      return;
    }
    if (resolution.kind === 'done') set(settle(get(), item.id, { kind: 'done' }));
    else set(settle(get(), item.id, { kind: 'failed', code: resolution.code, message: resolution.message }));
  }
}
