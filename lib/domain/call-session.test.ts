import { describe, expect, it } from 'vitest';
import type { Tables } from '@/lib/supabase/database.types';
import { emptyDraft } from './call-draft';
import {
  activeCall,
  activeDraft,
  canClassify,
  canRetryStart,
  canStartCall,
  endsWhenClassified,
  initialSession,
  isOnCall,
  reduceCallSession,
  type CallEvent,
  type CallSession,
} from './call-session';

type Session = CallSession<string>;

const KEY = '11111111-1111-4111-8111-111111111111';

function row(patch: Partial<Tables<'calls'>> = {}): Tables<'calls'> {
  return {
    id: 'call-1',
    idempotency_key: KEY,
    answered_at: '2026-11-28T01:00:00Z',
    call_type: null,
    blocked_number_id: null,
    caller_accuracy_m: null,
    caller_lat: null,
    caller_lng: null,
    caller_name: null,
    caller_phone: null,
    caller_phone_pseudonym: null,
    pseudonymised_at: null,
    classified_at: null,
    recorded_at: null,
    line_ended_at: null,
    line_ended_by: null,
    trunk: null,
    created_at: '2026-11-28T01:00:00Z',
    ended_at: null,
    external_id: null,
    incident_id: null,
    notes: null,
    operator_id: 'op-1',
    received_at: '2026-11-28T01:00:00Z',
    ringing: false,
    source: 'manual',
    updated_at: '2026-11-28T01:00:00Z',
    version: 2,
    ...patch,
  };
}

const run = (session: Session, ...events: CallEvent<string>[]) => events.reduce(reduceCallSession<string>, session);
const idle = () => initialSession<string>(null);
const started = () => run(idle(), { type: 'call_started', key: KEY, draft: emptyDraft(KEY) });
const answered = () => run(started(), { type: 'step_began' }, { type: 'call_read', call: row() }, { type: 'step_ended' });

describe('a call through its stages', () => {
  it('starts idle, or started when a reload left a call open', () => {
    expect(idle().phase).toEqual({ stage: 'idle' });
    const resumed = initialSession<string>({ key: KEY, draft: { ...emptyDraft(KEY), callerName: 'Ani' } });
    expect(resumed.phase).toMatchObject({ stage: 'started', key: KEY, unanswered: false });
    expect(activeDraft(resumed)?.callerName).toBe('Ani');
    expect(canStartCall(resumed)).toBe(false);
    expect(isOnCall(resumed)).toBe(true);
    expect(isOnCall(idle())).toBe(false);
  });

  it('goes idle → started → answered → classified → ended', () => {
    const s1 = started();
    expect(s1.phase).toMatchObject({ stage: 'started', key: KEY, unanswered: false });
    expect(activeCall(s1)).toBeNull();
    expect(canClassify(s1)).toBe(false);

    const s2 = answered();
    expect(s2.phase.stage).toBe('answered');
    expect(activeCall(s2)?.id).toBe('call-1');
    expect(canClassify(s2)).toBe(true);

    const s3 = run(s2, { type: 'step_began' }, { type: 'call_read', call: row({ call_type: 'info', version: 3 }) }, { type: 'step_ended' });
    expect(s3.phase.stage).toBe('classified');
    expect(activeCall(s3)?.version).toBe(3);

    const s4 = run(s3, { type: 'step_began' }, { type: 'call_ended', outcome: { callType: 'info', ticketNo: null, linked: false } }, { type: 'step_ended' });
    expect(s4.phase).toEqual({ stage: 'ended', key: KEY, outcome: { callType: 'info', ticketNo: null, linked: false } });
    expect(activeDraft(s4)).toBeNull();
    expect(isOnCall(s4)).toBe(false);
    expect(canStartCall(s4)).toBe(true);
  });

  it('ends reported with the ticket number', () => {
    const s = run(answered(), { type: 'call_ended', outcome: { callType: 'emergency', ticketNo: '112-20261128-0001', linked: false } });
    expect(s.phase).toMatchObject({ stage: 'ended', outcome: { ticketNo: '112-20261128-0001' } });
  });

  it('allows one call at a time: a second start during a call changes nothing', () => {
    const s = answered();
    expect(canStartCall(s)).toBe(false);
    expect(run(s, { type: 'call_started', key: 'other', draft: emptyDraft('other') })).toBe(s);
    const next = run(s, { type: 'call_ended', outcome: { callType: 'ghost', ticketNo: null, linked: false } }, { type: 'call_started', key: 'k2', draft: emptyDraft('k2') });
    expect(next.phase).toMatchObject({ stage: 'started', key: 'k2' });
  });
});

describe('busy and failures', () => {
  it('is busy from a step beginning to its end, and nothing can start or classify meanwhile', () => {
    const s = run(answered(), { type: 'step_began' });
    expect(s.busy).toBe(true);
    expect(canClassify(s)).toBe(false);
    expect(canStartCall(run(idle(), { type: 'step_began' }))).toBe(false);
    expect(run(s, { type: 'step_ended' }).busy).toBe(false);
  });

  it('keeps the failure of a step until the next begins, with the draft untouched', () => {
    const typed = run(answered(), { type: 'draft_edited', patch: { emergency: { description: 'Pingsan' } } });
    const failed = run(typed, { type: 'step_began' }, { type: 'step_failed', failure: 'network' }, { type: 'step_ended' });
    expect(failed.failure).toBe('network');
    expect(failed.phase.stage).toBe('answered');
    expect(activeDraft(failed)?.emergency.description).toBe('Pingsan');
    expect(run(failed, { type: 'step_began' }).failure).toBeNull();
  });

  it('offers a retry after a start whose answer was lost, with the same key', () => {
    const lost = run(started(), { type: 'step_began' }, { type: 'step_failed', failure: 'network' }, { type: 'step_ended' });
    expect(lost.phase).toMatchObject({ stage: 'started', key: KEY, unanswered: true });
    expect(canRetryStart(lost)).toBe(true);
    expect(canRetryStart(run(lost, { type: 'step_began' }))).toBe(false);
    const retried = run(lost, { type: 'step_began' });
    expect(retried.phase).toMatchObject({ stage: 'started', key: KEY, unanswered: false });
    expect(run(retried, { type: 'call_read', call: row() }, { type: 'step_ended' }).phase.stage).toBe('answered');
  });

  it('does not offer a retry while the first start is on its way', () => {
    expect(canRetryStart(started())).toBe(false);
    expect(canRetryStart(run(started(), { type: 'step_began' }))).toBe(false);
  });
});

describe('rows and drafts', () => {
  it('ignores a row of another call and an ended row', () => {
    const s = answered();
    expect(run(s, { type: 'call_read', call: row({ idempotency_key: 'other', call_type: 'prank' }) })).toBe(s);
    expect(run(s, { type: 'call_read', call: row({ call_type: 'prank', ended_at: '2026-11-28T01:01:00Z' }) })).toBe(s);
    expect(run(idle(), { type: 'call_read', call: row() }).phase).toEqual({ stage: 'idle' });
  });

  it('keeps the draft across stages and drops it when the call ends', () => {
    const s = run(started(), { type: 'draft_edited', patch: { callerPhone: '0812' } }, { type: 'call_read', call: row() });
    expect(activeDraft(s)?.callerPhone).toBe('0812');
    const classified = run(s, { type: 'call_read', call: row({ call_type: 'emergency' }) });
    expect(activeDraft(classified)?.callerPhone).toBe('0812');
    expect(run(idle(), { type: 'draft_edited', patch: { callerPhone: '1' } }).phase).toEqual({ stage: 'idle' });
  });

  it('shows form problems after a submit was tried, until the call ends', () => {
    const s = run(answered(), { type: 'problems_shown' });
    expect(s.showProblems).toBe(true);
    expect(run(s, { type: 'call_ended', outcome: { callType: 'emergency', ticketNo: 't', linked: true } }).showProblems).toBe(false);
  });
});

describe('endsWhenClassified', () => {
  it('ends ghost and prank calls at once, not info or emergency', () => {
    expect(endsWhenClassified('ghost')).toBe(true);
    expect(endsWhenClassified('prank')).toBe(true);
    expect(endsWhenClassified('info')).toBe(false);
    expect(endsWhenClassified('emergency')).toBe(false);
  });
});
