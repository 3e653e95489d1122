import { describe, expect, it } from 'vitest';
import { parseTelephonyEvent } from './event-schema';

const now = Date.parse('2026-12-02T03:00:00Z');
const ringing = { event_id: 'ev-1', type: 'ringing', call_id: 'pbx-1', at: '2026-12-02T09:59:50+07:00', caller_number: '+62 812-1111-2222' };

describe('parseTelephonyEvent', () => {
  it('accepts a ringing event and normalises it', () => {
    const parsed = parseTelephonyEvent({ ...ringing, trunk: 'trunk-1', location: { lat: -6.0, lng: 106.0, accuracy_m: 35 } }, now);
    expect(parsed).toEqual({
      ok: true,
      event: {
        eventId: 'ev-1',
        type: 'ringing',
        callId: 'pbx-1',
        at: new Date('2026-12-02T02:59:50Z'),
        callerPhone: '+62 812-1111-2222',
        trunk: 'trunk-1',
        extension: null,
        endedBy: null,
        location: { lat: -6.0, lng: 106.0, accuracyM: 35 },
      },
    });
  });

  it('keeps a call with a withheld or odd number, as a call without number', () => {
    for (const caller_number of ['anonymous', '', 'sip:101@pbx.local']) {
      const parsed = parseTelephonyEvent({ ...ringing, caller_number }, now);
      expect(parsed.ok && parsed.event.callerPhone, caller_number).toBe(null);
    }
  });

  it('names the bad field', () => {
    const field = (body: Record<string, unknown>) => {
      const parsed = parseTelephonyEvent(body, now);
      return parsed.ok ? 'accepted' : parsed.field;
    };
    expect(field({ ...ringing, event_id: '' })).toBe('event_id');
    expect(field({ ...ringing, event_id: 'has space' })).toBe('event_id');
    expect(field({ ...ringing, type: 'hold' })).toBe('type');
    expect(field({ ...ringing, call_id: 'x'.repeat(121) })).toBe('call_id');
    expect(field({ ...ringing, at: '2026-12-02 10:00' })).toBe('at');
    expect(field({ ...ringing, at: '2026-12-02T03:02:00Z' })).toBe('at'); // 2 minutes ahead
    expect(field({ ...ringing, at: '2026-11-30T03:00:00Z' })).toBe('at'); // 2 days late
    expect(field({ ...ringing, caller_number: 12345 })).toBe('caller_number');
    expect(field({ ...ringing, location: { lat: 91, lng: 106 } })).toBe('location.lat');
    expect(field({ ...ringing, location: { lat: -6, lng: 106, accuracy_m: -1 } })).toBe('location.accuracy_m');
    expect(field({ ...ringing, extension: '101' })).toBe('extension');
    expect(field({ ...ringing, type: 'ended' })).toBe('ended_by');
    expect(field({ ...ringing, type: 'answered', extension: '1' })).toBe('extension');
    expect(field({ ...ringing, type: 'answered', ended_by: 'caller' })).toBe('ended_by');
    expect(field({ ...ringing, surprise: true })).toBe('surprise');
    expect(field({ ...ringing, event_id: undefined })).toBe('event_id');
    expect(field(null as unknown as Record<string, unknown>)).toBe('body');
    expect(field({ ...ringing, type: 'answered', extension: '101' })).toBe('accepted');
    expect(field({ ...ringing, type: 'ended', ended_by: 'operator' })).toBe('accepted');
  });
});
