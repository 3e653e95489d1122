import { describe, expect, it } from 'vitest';
import { oneYearBefore, parseDataSubjectAnswer, parseDataSubjectRequest, parseReceivedOn, parseSubjectPhone } from './data-subject-input';

describe('parseSubjectPhone', () => {
  it('takes a caller number as the calls table holds it, trimmed', () => {
    expect(parseSubjectPhone(' 0812-3456 7890 ')).toEqual({ ok: true, value: '0812-3456 7890' });
    expect(parseSubjectPhone('+62 812 1')).toEqual({ ok: true, value: '+62 812 1' });
    expect(parseSubjectPhone('112')).toEqual({ ok: true, value: '112' });
  });

  it('refuses no number, letters, SQL and fewer than 3 digits', () => {
    for (const bad of ['', '   ', '12', '0812abc', "0812' or '1'='1", '1'.repeat(33), '%']) {
      expect(parseSubjectPhone(bad), bad).toEqual({ ok: false, problem: 'invalid_phone' });
    }
  });
});

describe('parseDataSubjectRequest', () => {
  it('takes a known kind, a requester and optional details', () => {
    expect(parseDataSubjectRequest({ kind: 'access', requester: ' Bu Ani, ani@example.id ', details: '  ' })).toEqual({
      ok: true,
      value: { kind: 'access', requester: 'Bu Ani, ani@example.id', details: null },
    });
    expect(parseDataSubjectRequest({ kind: 'erasure', requester: 'Pak Budi', details: 'Surat tertanggal 1 Des' }).ok).toBe(true);
  });

  it('refuses an unknown kind, a short or long requester and long details', () => {
    for (const input of [
      { kind: 'delete_everything', requester: 'Pak Budi', details: '' },
      { kind: 'access', requester: ' B ', details: '' },
      { kind: 'access', requester: 'x'.repeat(201), details: '' },
      { kind: 'access', requester: 'Pak Budi', details: 'x'.repeat(2001) },
    ]) {
      expect(parseDataSubjectRequest(input)).toEqual({ ok: false, problem: 'invalid_request' });
    }
  });
});

describe('parseDataSubjectAnswer', () => {
  it('wants 3–4000 characters after trimming', () => {
    expect(parseDataSubjectAnswer('  Data dikirim melalui email. ')).toEqual({ ok: true, value: 'Data dikirim melalui email.' });
    expect(parseDataSubjectAnswer(' ok ')).toEqual({ ok: false, problem: 'invalid_answer' });
    expect(parseDataSubjectAnswer('x'.repeat(4001))).toEqual({ ok: false, problem: 'invalid_answer' });
  });
});

describe('parseReceivedOn', () => {
  const lateEvening = Date.parse('2026-12-03T23:30:00+07:00');
  // 06:30 WIB on the 4th is still the 3rd in UTC: the day is WIB's.
  const earlyMorning = Date.parse('2026-12-04T06:30:00+07:00');

  it('takes today and any day back to the same day a year ago, in WIB', () => {
    expect(parseReceivedOn('2026-12-03', lateEvening)).toEqual({ ok: true, value: '2026-12-03' });
    expect(parseReceivedOn(' 2025-12-03 ', lateEvening)).toEqual({ ok: true, value: '2025-12-03' });
    expect(parseReceivedOn('2026-12-04', earlyMorning)).toEqual({ ok: true, value: '2026-12-04' });
  });

  it('refuses tomorrow in WIB, a day more than a year ago and no calendar day', () => {
    expect(parseReceivedOn('2026-12-04', lateEvening)).toEqual({ ok: false, problem: 'received_in_future' });
    expect(parseReceivedOn('2025-12-02', lateEvening)).toEqual({ ok: false, problem: 'received_too_old' });
    for (const bad of ['', '2026-02-30', '03/12/2026', "2026-12-01' or '1'='1"]) {
      expect(parseReceivedOn(bad, lateEvening), bad).toEqual({ ok: false, problem: 'received_missing' });
    }
  });
});

describe('oneYearBefore', () => {
  it('keeps the day and clamps 29 February as Postgres does', () => {
    expect(oneYearBefore('2026-12-03')).toBe('2025-12-03');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(oneYearBefore('2027-03-01')).toBe('2026-03-01');
  });
});
