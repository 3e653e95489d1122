import { describe, expect, it } from 'vitest';
import {
  dismiss,
  effectiveAssignment,
  enqueue,
  markSending,
  nextToSend,
  parseQueue,
  reconcile,
  resolveAttempt,
  serializeQueue,
  settle,
  withExpectedVersion,
  type NewQueueItem,
  type QueueItem,
  type SendResult,
} from './offline-queue';
import type { WriteFailure } from './write-failure';
import type { WorkflowErrorCode } from './workflow-errors';

const messages = { stale: 'stale', invalid: 'invalid', notFound: 'gone' };
const step = (id: string, action: NewQueueItem['action'], expectedVersion: number, assignmentId = 'a1', createdAtMs = 1): NewQueueItem => ({
  id,
  assignmentId,
  action,
  expectedVersion,
  createdAtMs,
});

describe('enqueue', () => {
  it('adds a pending step', () => {
    const q = enqueue([], step('s1', 'acknowledge_assignment', 1));
    expect(q).toEqual([{ ...step('s1', 'acknowledge_assignment', 1), state: 'pending', attempts: 0 }]);
  });
  it('ignores the same step of the same assignment tapped twice', () => {
    const q = enqueue(enqueue([], step('s1', 'acknowledge_assignment', 1)), step('s2', 'acknowledge_assignment', 1));
    expect(q.map((i) => i.id)).toEqual(['s1']);
  });
  it('accepts the same step again once the earlier one failed', () => {
    const failed = settle(enqueue([], step('s1', 'acknowledge_assignment', 1)), 's1', { kind: 'failed', code: 'invalid_state', message: 'x' });
    expect(enqueue(failed, step('s2', 'acknowledge_assignment', 1)).map((i) => i.id)).toEqual(['s1', 's2']);
  });
});

describe('effectiveAssignment', () => {
  const current = { id: 'a1', status: 'assigned' as const, version: 3 };
  it('is the row itself without queued steps', () => {
    expect(effectiveAssignment([], current)).toEqual({ status: 'assigned', version: 3 });
  });
  it('follows queued steps so the liaison can go on offline', () => {
    let q = enqueue([], step('s1', 'acknowledge_assignment', 3));
    expect(effectiveAssignment(q, current)).toEqual({ status: 'acknowledged', version: 4 });
    q = enqueue(q, step('s2', 'mark_en_route', 4));
    expect(effectiveAssignment(q, current)).toEqual({ status: 'en_route', version: 5 });
  });
  it('ignores failed steps and other assignments', () => {
    let q = enqueue([], step('s1', 'acknowledge_assignment', 3, 'other'));
    q = settle(enqueue(q, step('s2', 'decline_assignment', 3)), 's2', { kind: 'failed', code: 'reason_required', message: 'x' });
    expect(effectiveAssignment(q, current)).toEqual({ status: 'assigned', version: 3 });
  });
});

describe('sending order', () => {
  it('sends the oldest unfailed step, including one left sending by a closed page', () => {
    let q = enqueue([], step('s1', 'acknowledge_assignment', 1));
    q = enqueue(q, step('s2', 'mark_en_route', 2));
    q = markSending(q, 's1');
    expect(q[0]).toMatchObject({ state: 'sending', attempts: 1 });
    expect(nextToSend(q)?.id).toBe('s1');
    q = settle(q, 's1', { kind: 'done' });
    expect(nextToSend(q)?.id).toBe('s2');
    expect(nextToSend(settle(q, 's2', { kind: 'done' }))).toBeUndefined();
  });
  it('puts a step whose attempt got no answer back to pending', () => {
    const q = settle(markSending(enqueue([], step('s1', 'acknowledge_assignment', 1)), 's1'), 's1', { kind: 'retry_later' });
    expect(q[0]).toMatchObject({ state: 'pending', attempts: 1 });
  });
  it('fails the later steps of the same assignment with a failed step, not those of others', () => {
    let q = enqueue([], step('s1', 'acknowledge_assignment', 1));
    q = enqueue(q, step('s2', 'acknowledge_assignment', 1, 'a2'));
    q = enqueue(q, step('s3', 'mark_en_route', 2));
    q = settle(q, 's1', { kind: 'failed', code: 'wrong_agency', message: 'no' });
    expect(q.map((i) => i.state)).toEqual(['failed', 'pending', 'failed']);
    expect(nextToSend(q)?.id).toBe('s2');
    expect(dismiss(q, 's1').map((i) => i.id)).toEqual(['s2', 's3']);
    expect(dismiss(q, 's2').map((i) => i.id)).toEqual(['s1', 's2', 's3']);
  });
  it('updates the expected version for a re-send', () => {
    expect(withExpectedVersion(enqueue([], step('s1', 'acknowledge_assignment', 1)), 's1', 7)[0].expectedVersion).toBe(7);
  });
});

describe('resolveAttempt', () => {
  const say = () => 'm';
  const refused = (code: WorkflowErrorCode): SendResult => ({ ok: false, failure: { kind: 'workflow', code } });
  it('is done when the database applied the step', () => {
    expect(resolveAttempt({ ok: true, data: null }, say)).toEqual({ kind: 'done', alreadyApplied: false });
    expect(resolveAttempt({ ok: true, data: { status: 'acknowledged', version: 2 } }, say)).toEqual({ kind: 'done', alreadyApplied: false });
  });
  it('retries later when no answer came', () => {
    expect(resolveAttempt({ ok: false, failure: { kind: 'network', detail: 'Failed to fetch' } }, say)).toEqual({ kind: 'retry_later' });
  });
  it('retries later on an answer that says nothing about the step: a server fault or an expired session', () => {
    expect(resolveAttempt({ ok: false, failure: { kind: 'server', status: 503, detail: 'down' } }, say)).toEqual({ kind: 'retry_later' });
    expect(resolveAttempt({ ok: false, failure: { kind: 'other', status: 401, detail: 'JWT expired' } }, say)).toEqual({ kind: 'retry_later' });
  });
  it('reconciles version and state refusals, which a retry of an applied step gets', () => {
    expect(resolveAttempt(refused('stale_version'), say)).toEqual({ kind: 'reconcile' });
    expect(resolveAttempt(refused('invalid_state'), say)).toEqual({ kind: 'reconcile' });
  });
  it('fails on any other refusal with its code', () => {
    expect(resolveAttempt(refused('wrong_agency'), say)).toEqual({ kind: 'failed', code: 'wrong_agency', message: 'm' });
    expect(resolveAttempt({ ok: false, failure: { kind: 'other', status: 400, detail: 'XX000' } }, say)).toEqual({ kind: 'failed', code: 'unexpected', message: 'm' });
  });
  it('words a failure with the caller\'s describer, given the failure itself', () => {
    const seen: WriteFailure[] = [];
    const failure: WriteFailure = { kind: 'other', status: 403, detail: 'permission denied' };
    resolveAttempt({ ok: false, failure }, (f) => {
      seen.push(f);
      return 'x';
    });
    expect(seen).toEqual([failure]);
  });
});

describe('reconcile', () => {
  const ack = { action: 'acknowledge_assignment' as const, expectedVersion: 1 };
  it('counts a step whose first attempt applied (answer lost) as done, not as an error', () => {
    expect(reconcile(ack, { status: 'acknowledged', version: 2 }, false, messages)).toEqual({ kind: 'done', alreadyApplied: true });
    const complete = { action: 'complete_assignment' as const, expectedVersion: 4 };
    expect(reconcile(complete, { status: 'completed', version: 5 }, true, messages)).toEqual({ kind: 'done', alreadyApplied: true });
  });
  it('re-sends once with the current version when only the version moved (a supervisor follow-up)', () => {
    expect(reconcile(ack, { status: 'assigned', version: 2 }, false, messages)).toEqual({ kind: 'resend', expectedVersion: 2 });
    expect(reconcile(ack, { status: 'assigned', version: 3 }, true, messages)).toEqual({ kind: 'failed', code: 'stale_version', message: 'stale' });
  });
  it('fails when the state no longer allows the step', () => {
    expect(reconcile(ack, { status: 'withdrawn', version: 2 }, false, messages)).toEqual({ kind: 'failed', code: 'invalid_state', message: 'invalid' });
    const enRoute = { action: 'mark_en_route' as const, expectedVersion: 3 };
    expect(reconcile(enRoute, { status: 'on_scene', version: 4 }, false, messages)).toMatchObject({ kind: 'failed', code: 'invalid_state' });
  });
  it('fails when the assignment is gone from view', () => {
    expect(reconcile(ack, null, false, messages)).toEqual({ kind: 'failed', code: 'assignment_not_found', message: 'gone' });
  });
});

describe('storage', () => {
  const good: QueueItem = { ...step('s1', 'mark_on_scene', 2), state: 'pending', attempts: 0 };
  it('round-trips a queue', () => {
    const q = markSending(enqueue([], { ...step('s1', 'complete_assignment', 4), text: 'Api padam' }), 's1');
    expect(parseQueue(serializeQueue(q))).toEqual({ items: q, unreadable: false });
    expect(parseQueue(serializeQueue([]))).toEqual({ items: [], unreadable: false });
  });
  it('reads nothing stored as an empty queue, not as a loss', () => {
    expect(parseQueue(null)).toEqual({ items: [], unreadable: false });
    expect(parseQueue('')).toEqual({ items: [], unreadable: false });
  });
  it('keeps the readable steps of a partly malformed queue and says some were unreadable', () => {
    const text = JSON.stringify([good, { id: 's2', action: 'drop_table' }, null, { ...good, id: 's3', state: 'odd' }]);
    expect(parseQueue(text)).toEqual({ items: [good], unreadable: true });
  });
  it('says the queue was unreadable for invalid JSON and for a value of the wrong shape', () => {
    expect(parseQueue('{not json')).toEqual({ items: [], unreadable: true });
    expect(parseQueue('[{"id":"s1","assignmentId":"a1"')).toEqual({ items: [], unreadable: true });
    expect(parseQueue('{"a":1}')).toEqual({ items: [], unreadable: true });
    expect(parseQueue('"steps"')).toEqual({ items: [], unreadable: true });
    expect(parseQueue('null')).toEqual({ items: [], unreadable: true });
  });
  it('keeps the victim counts of a completion queued offline, and drops an item with broken counts', () => {
    const counts = { dead: 0, seriouslyInjured: 1, lightlyInjured: 2, evacuated: 5 };
    const q = enqueue([], { ...step('s1', 'complete_assignment', 4), text: 'Api padam', counts });
    expect(parseQueue(serializeQueue(q)).items[0].counts).toEqual(counts);
    expect(parseQueue(JSON.stringify([{ ...q[0], counts: { ...counts, dead: -1 } }]))).toEqual({ items: [], unreadable: true });
  });
  it('keeps the dispatch-accuracy answers of a completion queued offline, and drops an item with broken ones', () => {
    const feedback = { needed: false, missingAgencyIds: ['11111111-1111-4111-8111-111111111111'] };
    const q = enqueue([], { ...step('s1', 'complete_assignment', 4), text: 'Api padam', feedback });
    expect(parseQueue(serializeQueue(q)).items[0].feedback).toEqual(feedback);
    expect(parseQueue(JSON.stringify([{ ...q[0], feedback: { needed: 'no', missingAgencyIds: [] } }]))).toEqual({ items: [], unreadable: true });
  });
});
