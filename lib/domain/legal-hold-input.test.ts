import { describe, expect, it } from 'vitest';
import { endOfWibDay, parseHoldExpiry, parseHoldReason, parsePlaceHold, parseTicket, wibToday } from './legal-hold-input';

// 2026-12-03 20:00 WIB = 13:00 UTC
const NOW = Date.parse('2026-12-03T13:00:00Z');

describe('legal hold input', () => {
  it('reads today in WIB, which is already tomorrow in UTC terms after 17:00 UTC', () => {
    expect(wibToday(NOW)).toBe('2026-12-03');
    expect(wibToday(Date.parse('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
  });

  it('ends a hold at 23:59:59 WIB of its last day', () => {
    expect(endOfWibDay('2027-01-31')).toBe('2027-01-31T16:59:59.000Z');
    expect(endOfWibDay('2027-02-30')).toBeNull();
    expect(endOfWibDay('31-01-2027')).toBeNull();
  });

  it('takes a last day after today and within five years', () => {
    expect(parseHoldExpiry('2026-12-04', NOW)).toEqual({ ok: true, value: '2026-12-04T16:59:59.000Z' });
    expect(parseHoldExpiry('2031-12-01', NOW).ok).toBe(true);
    for (const bad of ['2026-12-03', '2026-12-01', '2031-12-04', '', 'besok', '2027-13-01']) {
      expect(parseHoldExpiry(bad, NOW), bad).toEqual({ ok: false, problem: 'invalid_expiry' });
    }
  });

  it('wants a reason of 3–500 characters after trimming', () => {
    expect(parseHoldReason('  Penyidikan polisi ')).toEqual({ ok: true, value: 'Penyidikan polisi' });
    expect(parseHoldReason(' ab ')).toEqual({ ok: false, problem: 'reason_required' });
    expect(parseHoldReason('x'.repeat(501))).toEqual({ ok: false, problem: 'reason_required' });
  });

  it('takes ticket numbers only', () => {
    expect(parseTicket(' 112-20261201-0042 ')).toEqual({ ok: true, value: '112-20261201-0042' });
    for (const bad of ['0042', '112-2026121-0042', "112-20261201-0042' or 1=1", '']) {
      expect(parseTicket(bad)).toEqual({ ok: false, problem: 'invalid_ticket' });
    }
  });

  it('names every problem of a hold at once', () => {
    expect(parsePlaceHold({ reason: '', expiresOn: '2026-12-01' }, NOW)).toEqual({
      ok: false,
      problems: { reason: 'reason_required', expiresOn: 'invalid_expiry' },
    });
    expect(parsePlaceHold({ reason: 'Penyidikan', expiresOn: '2027-03-01' }, NOW)).toEqual({
      ok: true,
      value: { reason: 'Penyidikan', expiresAt: '2027-03-01T16:59:59.000Z' },
    });
  });
});
