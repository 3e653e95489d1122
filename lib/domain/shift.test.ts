import { describe, expect, it } from 'vitest';
import { shiftStart } from './shift';

describe('shiftStart', () => {
  // WIB = UTC+7: 07:00 WIB is 00:00 UTC, 19:00 WIB is 12:00 UTC.
  it('finds the 07:00 or 19:00 WIB shift change before a moment', () => {
    expect(new Date(shiftStart(Date.parse('2026-11-28T05:30:00Z'))).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T12:00:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T23:59:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    // 03:00 WIB on the 29th belongs to the night shift that began at 19:00 WIB on the 28th.
    expect(new Date(shiftStart(Date.parse('2026-11-28T20:00:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T23:59:59Z') + 1000)).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });
});
