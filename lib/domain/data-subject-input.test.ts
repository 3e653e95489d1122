import { describe, expect, it } from 'vitest';
import { parseDataSubjectAnswer, parseDataSubjectRequest, parseSubjectPhone } from './data-subject-input';

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
