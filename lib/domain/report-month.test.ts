import { describe, expect, it } from 'vitest';
import { parseReportMonth } from './report-month';

const NOW = Date.parse('2026-12-02T10:00:00+07:00');

describe('parseReportMonth', () => {
  it('covers the WIB days of the month asked for, February of a leap year included', () => {
    const nov = parseReportMonth('2026-11', NOW);
    expect(nov.month).toBe('2026-11');
    expect(nov.range).toMatchObject({ from: '2026-11-01', to: '2026-11-30', days: 30, fromIso: '2026-10-31T17:00:00.000Z', toIso: '2026-11-30T17:00:00.000Z' });
    expect(parseReportMonth('2024-02', NOW).range).toMatchObject({ to: '2024-02-29', days: 29 });
  });

  it('falls back to this month (WIB) for anything else or a future month', () => {
    for (const bad of [undefined, '2026-13', '2026-1', 'abc', '2027-01', '1999-12', '2026-11-01']) {
      expect(parseReportMonth(bad, NOW).month, String(bad)).toBe('2026-12');
    }
    // 1 December 00:30 WIB is still 30 November in UTC: the month is WIB's.
    expect(parseReportMonth(undefined, Date.parse('2026-12-01T00:30:00+07:00')).month).toBe('2026-12');
  });
});
