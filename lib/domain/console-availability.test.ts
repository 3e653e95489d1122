import { describe, expect, it } from 'vitest';
import { emptyDraft } from './call-draft';
import { initialSession, reduceCallSession, type CallEvent, type CallSession } from './call-session';
import { answeredCallToOpen, isConsoleFree, type OwnCallRow } from './console-availability';
import { STALE_RINGING_MS } from './ringing-calls';

const NOW = Date.parse('2026-12-03T02:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

type Session = CallSession<string>;
const run = (session: Session, ...events: CallEvent<string>[]) => events.reduce(reduceCallSession<string>, session);
const idle = (): Session => initialSession<string>(null);
const onCall = (key = 'manual-key') => run(idle(), { type: 'call_started', key, draft: emptyDraft(key) });
const ended = (key: string) =>
  run(onCall(key), { type: 'call_ended', outcome: { callType: 'ghost', ticketNo: null, linked: false } });

function own(patch: Partial<OwnCallRow> & { idempotency_key: string }): OwnCallRow {
  return {
    source: 'telephony',
    received_at: ago(20_000),
    answered_at: ago(10_000),
    classified_at: null,
    ended_at: null,
    ...patch,
  };
}

describe('isConsoleFree', () => {
  it('is free idle or after a call, with nothing of its own open', () => {
    expect(isConsoleFree(idle(), [], NOW)).toBe(true);
    expect(isConsoleFree(ended('k1'), [], NOW)).toBe(true);
  });

  it('is not free while taking a call, started by hand or answered at the PBX', () => {
    expect(isConsoleFree(onCall(), [], NOW)).toBe(false);
  });

  it('is not free when the PBX gave it a call it has not opened yet', () => {
    expect(isConsoleFree(idle(), [own({ idempotency_key: 'pbx-1' })], NOW)).toBe(false);
  });

  it('stays free for calls that are finished, classified, manual, not yet answered or stale', () => {
    const calls = [
      own({ idempotency_key: 'done', ended_at: ago(1000), classified_at: ago(2000) }),
      own({ idempotency_key: 'classified', classified_at: ago(2000) }),
      own({ idempotency_key: 'manual', source: 'manual' }),
      own({ idempotency_key: 'unanswered', answered_at: null }),
      own({ idempotency_key: 'stale', received_at: ago(STALE_RINGING_MS + 1), answered_at: ago(STALE_RINGING_MS) }),
    ];
    expect(isConsoleFree(idle(), calls, NOW)).toBe(true);
  });

  it('is free right after finishing a call whose live row still shows it open', () => {
    expect(isConsoleFree(ended('pbx-1'), [own({ idempotency_key: 'pbx-1' })], NOW)).toBe(true);
  });
});

describe('answeredCallToOpen', () => {
  it('opens the call answered at this extension on a free console', () => {
    const call = own({ idempotency_key: 'pbx-1' });
    expect(answeredCallToOpen(idle(), [call], NOW)).toBe(call);
    expect(answeredCallToOpen(ended('k0'), [call], NOW)).toBe(call);
  });

  it('waits while the operator is on another call or a step is running', () => {
    const call = own({ idempotency_key: 'pbx-1' });
    expect(answeredCallToOpen(onCall(), [call], NOW)).toBeNull();
    expect(answeredCallToOpen(run(idle(), { type: 'step_began' }), [call], NOW)).toBeNull();
  });

  it('opens the earliest answer first', () => {
    const later = own({ idempotency_key: 'later', answered_at: ago(2000) });
    const earlier = own({ idempotency_key: 'earlier', answered_at: ago(9000) });
    expect(answeredCallToOpen(idle(), [later, earlier], NOW)?.idempotency_key).toBe('earlier');
  });

  it('never reopens the call just finished', () => {
    expect(answeredCallToOpen(ended('pbx-1'), [own({ idempotency_key: 'pbx-1' })], NOW)).toBeNull();
  });
});
