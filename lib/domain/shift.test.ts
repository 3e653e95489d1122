import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_START_HOURS, parseShiftSchedule, shiftBounds, shiftLengths, shiftStart } from './shift';

const iso = (ms: number) => new Date(ms).toISOString();
const bounds = (at: string, hours?: readonly number[]) => {
  const b = shiftBounds(Date.parse(at), hours);
  return [iso(b.startMs), iso(b.endMs)];
};

describe('shiftBounds', () => {
  // WIB = UTC+7: 07:00 WIB is 00:00 UTC, 15:00 WIB is 08:00 UTC, 23:00 WIB is 16:00 UTC.
  it('finds the 8-hour shift of the default schedule, 07/15/23 WIB', () => {
    expect(DEFAULT_SHIFT_START_HOURS).toEqual([7, 15, 23]);
    expect(bounds('2026-11-28T05:30:00Z')).toEqual(['2026-11-28T00:00:00.000Z', '2026-11-28T08:00:00.000Z']);
    expect(bounds('2026-11-28T08:00:00Z')).toEqual(['2026-11-28T08:00:00.000Z', '2026-11-28T16:00:00.000Z']);
    // 03:00 WIB on the 29th belongs to the night shift that began at 23:00 WIB on the 28th.
    expect(bounds('2026-11-28T20:00:00Z')).toEqual(['2026-11-28T16:00:00.000Z', '2026-11-29T00:00:00.000Z']);
    // 06:59 WIB: still the night shift, which began the evening before.
    expect(bounds('2026-11-28T23:59:59Z')).toEqual(['2026-11-28T16:00:00.000Z', '2026-11-29T00:00:00.000Z']);
  });

  it('follows another schedule: two 12-hour shifts, or one a day', () => {
    expect(bounds('2026-11-28T12:00:00Z', [7, 19])).toEqual(['2026-11-28T12:00:00.000Z', '2026-11-29T00:00:00.000Z']);
    expect(bounds('2026-11-28T11:59:59Z', [7, 19])).toEqual(['2026-11-28T00:00:00.000Z', '2026-11-28T12:00:00.000Z']);
    expect(bounds('2026-11-28T10:00:00Z', [0])).toEqual(['2026-11-27T17:00:00.000Z', '2026-11-28T17:00:00.000Z']);
  });

  it('a shift change itself starts the new shift', () => {
    expect(shiftStart(Date.parse('2026-11-29T00:00:00Z'))).toBe(Date.parse('2026-11-29T00:00:00Z'));
    expect(shiftStart(Date.parse('2026-11-29T00:00:00Z') - 1)).toBe(Date.parse('2026-11-28T16:00:00Z'));
  });
});

describe('the schedule an admin types', () => {
  it('reads hours written as numbers or as times', () => {
    expect(parseShiftSchedule('7, 15, 23')).toEqual([7, 15, 23]);
    expect(parseShiftSchedule('07.00 15.00 23.00')).toEqual([7, 15, 23]);
    expect(parseShiftSchedule('7:00;19:00')).toEqual([7, 19]);
    expect(parseShiftSchedule('0')).toEqual([0]);
  });

  it('refuses what the database refuses', () => {
    expect(parseShiftSchedule('')).toBeNull();
    expect(parseShiftSchedule('15, 7')).toBeNull(); // not increasing
    expect(parseShiftSchedule('7, 9, 19')).toBeNull(); // a 2-hour shift
    expect(parseShiftSchedule('7, 15, 25')).toBeNull();
    expect(parseShiftSchedule('7.30, 15')).toBeNull();
    expect(parseShiftSchedule('1, 5, 9, 13, 17, 21, 23')).toBeNull(); // 7 shifts
    expect(parseShiftSchedule('1, 22')).toBeNull(); // 22 → 1 across midnight is 3 h
    expect(parseShiftSchedule('3, 21')).toEqual([3, 21]); // 18 h and 6 h
  });

  it('gives each shift its length, the night one across midnight', () => {
    expect(shiftLengths([7, 15, 23])).toEqual([8, 8, 8]);
    expect(shiftLengths([7, 19])).toEqual([12, 12]);
  });
});
