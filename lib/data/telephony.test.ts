import { describe, expect, it } from 'vitest';
import { parseRecordedEvent } from './telephony';

const base = { event_id: 'ev-1', call_id: '00000000-0000-4000-8000-000000000001', state: 'ringing', operator_id: null };

describe('parseRecordedEvent', () => {
  it('passes on that the number is blocked, with the expiry', () => {
    expect(parseRecordedEvent({ ...base, blocked: true, blocked_until: '2026-12-04T04:00:00+00:00' })).toEqual({
      ...base,
      blocked: true,
      blocked_until: '2026-12-04T04:00:00+00:00',
    });
  });

  it('an answer stored before blocks existed (a repeat of an old event) reads as not blocked', () => {
    expect(parseRecordedEvent(base)).toEqual({ ...base, blocked: false, blocked_until: null });
  });

  it('refuses what is not an answer of record_telephony_event', () => {
    expect(parseRecordedEvent({ ...base, blocked: 'yes' })).toBeNull();
    expect(parseRecordedEvent({ ...base, state: 'held' })).toBeNull();
    expect(parseRecordedEvent(null)).toBeNull();
  });
});
