import { describe, expect, it } from 'vitest';
import { defaultStatsRange, parseStatsRange, readStatsRange } from './stats-range';

// 28 Nov 2026 23:30 UTC is already 29 Nov in WIB.
const NOW = Date.parse('2026-11-28T23:30:00Z');

describe('stats range', () => {
  it('defaults to the last 30 WIB days including today', () => {
    expect(defaultStatsRange(NOW)).toEqual({
      from: '2026-10-31',
      to: '2026-11-29',
      fromIso: '2026-10-30T17:00:00.000Z',
      toIso: '2026-11-29T17:00:00.000Z',
      days: 30,
    });
  });

  it('takes a valid range as whole WIB days', () => {
    const r = parseStatsRange('2026-11-01', '2026-11-01', NOW);
    expect(r).toMatchObject({ from: '2026-11-01', to: '2026-11-01', fromIso: '2026-10-31T17:00:00.000Z', toIso: '2026-11-01T17:00:00.000Z', days: 1 });
  });

  it('falls back to the default for reversed, malformed, impossible or overlong ranges', () => {
    const d = defaultStatsRange(NOW);
    expect(parseStatsRange('2026-11-10', '2026-11-01', NOW)).toEqual(d);
    expect(parseStatsRange('yesterday', '2026-11-01', NOW)).toEqual(d);
    expect(parseStatsRange('2026-02-30', '2026-03-01', NOW)).toEqual(d);
    expect(parseStatsRange('2024-01-01', '2026-11-01', NOW)).toEqual(d);
    expect(parseStatsRange(undefined, undefined, NOW)).toEqual(d);
  });

  it('says why a range asked for is not the one shown', () => {
    const d = defaultStatsRange(NOW);
    expect(readStatsRange(undefined, undefined, NOW)).toEqual({ range: d, problem: null });
    expect(readStatsRange('2026-11-01', '2026-11-02', NOW).problem).toBeNull();
    expect(readStatsRange('abc', '2026-11-01', NOW)).toEqual({ range: d, problem: 'invalid_date' });
    expect(readStatsRange('2026-11-01', undefined, NOW)).toEqual({ range: d, problem: 'invalid_date' });
    expect(readStatsRange('2026-02-30', '2026-03-01', NOW).problem).toBe('invalid_date');
    expect(readStatsRange('2026-11-10', '2026-11-01', NOW)).toEqual({ range: d, problem: 'reversed' });
    expect(readStatsRange('1996-11-01', '2026-11-01', NOW)).toEqual({ range: d, problem: 'too_long' });
  });
});
