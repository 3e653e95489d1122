import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatTime, NO_DURATION } from './format';

// 17:05:09 UTC is 00:05:09 the next day in WIB (UTC+7, no daylight saving).
const LATE_UTC = '2026-11-28T17:05:09Z';

describe('formatTime', () => {
  it('shows WIB wall-clock time with colons, whatever the zone of the input', () => {
    expect(formatTime(LATE_UTC)).toBe('00:05:09');
    expect(formatTime('2026-11-29T07:05:09+07:00')).toBe('07:05:09');
    expect(formatTime(new Date(Date.UTC(2026, 0, 1, 12, 0, 0)))).toBe('19:00:00');
  });

  it('can leave the seconds out', () => {
    expect(formatTime(LATE_UTC, { seconds: false })).toBe('00:05');
  });

  it('accepts epoch milliseconds', () => {
    expect(formatTime(Date.UTC(2026, 5, 30, 16, 59, 59))).toBe('23:59:59');
  });

  it('refuses an invalid date instead of printing garbage', () => {
    expect(() => formatTime('not a date')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('uses the WIB calendar day', () => {
    expect(formatDate(LATE_UTC, 'id')).toMatch(/^29 Nov\.? 2026$/);
    expect(formatDate(LATE_UTC, 'en')).toMatch(/^29 Nov\.? 2026$/);
  });

  it('names the weekday and month in the chosen language in the long style', () => {
    expect(formatDate(LATE_UTC, 'id', 'long')).toBe('Minggu, 29 November 2026');
    // ICU versions differ on the comma after the English weekday.
    expect(formatDate(LATE_UTC, 'en', 'long')).toMatch(/^Sunday,? 29 November 2026$/);
  });

  it('writes the date line of a letter without the weekday, on the WIB day', () => {
    expect(formatDate(LATE_UTC, 'id', 'letter')).toBe('29 November 2026');
    expect(formatDate(LATE_UTC, 'en', 'letter')).toBe('29 November 2026');
  });
});

describe('formatDateTime', () => {
  it('joins date and minutes and names the zone', () => {
    expect(formatDateTime(LATE_UTC, 'id')).toMatch(/^29 Nov\.? 2026 00:05 WIB$/);
    expect(formatDateTime('2026-08-17T03:00:00Z', 'en', { seconds: true })).toMatch(/^17 Aug\.? 2026 10:00:00 WIB$/);
  });
});

describe('formatDuration', () => {
  it('reads like a stopwatch below an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(60)).toBe('1:00');
    expect(formatDuration(180)).toBe('3:00');
    expect(formatDuration(3599)).toBe('59:59');
  });

  it('cuts fractions instead of rounding up', () => {
    expect(formatDuration(59.9)).toBe('0:59');
    expect(formatDuration(125.9)).toBe('2:05');
    expect(formatDuration(185.7)).toBe('3:05');
  });

  it('adds hours from an hour on', () => {
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(36_000 + 61)).toBe('10:01:01');
  });

  it('clamps a negative span to zero', () => {
    expect(formatDuration(-3)).toBe('0:00');
    expect(formatDuration(-4)).toBe('0:00');
  });

  it('shows the dash, or the given text, when there is no duration', () => {
    expect(formatDuration(null)).toBe(NO_DURATION);
    expect(formatDuration(Number.NaN)).toBe(NO_DURATION);
    expect(formatDuration(null, '\u2014')).toBe('\u2014');
    expect(formatDuration(0, '\u2014')).toBe('0:00');
  });
});

describe('formatNumber', () => {
  it("uses the language's decimal separator and fixed digits", () => {
    expect(formatNumber(2.46, 'id', { fractionDigits: 1 })).toBe('2,5');
    expect(formatNumber(2.46, 'en', { fractionDigits: 1 })).toBe('2.5');
    expect(formatNumber(3, 'id', { fractionDigits: 1 })).toBe('3,0');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});
