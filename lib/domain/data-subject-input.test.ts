import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wibToday } from './legal-hold-input';
import { errorsEn } from '@/lib/i18n/dictionaries/errors.en';
import { errorsId } from '@/lib/i18n/dictionaries/errors.id';
import { DATA_SUBJECT_ROW_LIMIT, oneYearBefore, parseDataSubjectAnswer, parseDataSubjectRequest, parseReceivedOn, parseSubjectPhone } from './data-subject-input';

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

/**
 * The boundary cases of the received day, the same table as the pgTAP of record_data_subject_request
 * (supabase/tests/database/98-data-subject-received.test.sql), which this test reads: the SQL is the
 * authority, the form's pre-check must answer every case as it does.
 */
const RECEIVED_ON_CASES = [
  { name: 'today', outcome: 'ok' },
  { name: 'tomorrow', outcome: 'received_in_future' },
  { name: 'one_year_ago', outcome: 'ok' },
  { name: 'one_year_and_a_day_ago', outcome: 'received_too_old' },
] as const;

type CaseName = (typeof RECEIVED_ON_CASES)[number]['name'];

/** A calendar day moved by whole days, as Postgres's `date ± integer`. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day of each case from the WIB day `today`, as the pgTAP's `case` computes it. */
const DAY_OF: Record<CaseName, (today: string) => string> = {
  today: (today) => today,
  tomorrow: (today) => shiftDay(today, 1),
  one_year_ago: (today) => oneYearBefore(today),
  one_year_and_a_day_ago: (today) => shiftDay(oneYearBefore(today), -1),
};

function casesOfPgTap(): { name: string; outcome: string }[] {
  const sql = readFileSync(path.resolve(import.meta.dirname, '../../supabase/tests/database/98-data-subject-received.test.sql'), 'utf8');
  const block = /-- received-on cases: begin\n([\s\S]*?)-- received-on cases: end/.exec(sql);
  if (!block) throw new Error('the pgTAP lost its received-on cases markers');
  return [...block[1].matchAll(/\('([a-z_]+)', '([a-z_]+)'\)/g)].map((m) => ({ name: m[1], outcome: m[2] }));
}

describe('the received-day cases shared with the pgTAP', () => {
  it('are the pgTAP table, row for row', () => {
    expect(casesOfPgTap()).toEqual(RECEIVED_ON_CASES.map((c) => ({ ...c })));
  });

  // An ordinary day, a leap day (a year back is 28 February), the day after it, and an early WIB
  // morning that is still the day before in UTC.
  const moments = ['2026-12-03T23:30:00+07:00', '2028-02-29T12:00:00+07:00', '2027-03-01T09:00:00+07:00', '2026-12-04T06:30:00+07:00'];
  for (const moment of moments) {
    it.each(RECEIVED_ON_CASES)(`at ${moment}: received $name → $outcome`, ({ name, outcome }) => {
      const nowMs = Date.parse(moment);
      const day = DAY_OF[name](wibToday(nowMs));
      const parsed = parseReceivedOn(day, nowMs);
      expect(parsed.ok ? 'ok' : parsed.problem).toBe(outcome);
    });
  }
});

describe('DATA_SUBJECT_ROW_LIMIT', () => {
  it('is the limit the refusal message names in both languages', () => {
    expect(errorsId['workflow.data_subject_too_large']).toContain(DATA_SUBJECT_ROW_LIMIT.toLocaleString('id-ID'));
    expect(errorsEn['workflow.data_subject_too_large']).toContain(DATA_SUBJECT_ROW_LIMIT.toLocaleString('en-GB'));
  });

  it('is the limit of the migration that refuses a larger search', () => {
    const sql = readFileSync(path.resolve(import.meta.dirname, '../../supabase/migrations/20261208080000_data_subject_search_limit.sql'), 'utf8');
    expect(/function private\.data_subject_row_limit\(\)[\s\S]*?\$\$ select (\d+) \$\$/.exec(sql)?.[1]).toBe(String(DATA_SUBJECT_ROW_LIMIT));
  });
});
