import { describe, expect, it } from 'vitest';
import { STALE_RINGING_MS, formatWait, summariseWaiting, waitSeconds, waitingCalls } from './ringing-calls';

const NOW = Date.parse('2026-12-03T02:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('waitSeconds and formatWait', () => {
  it('counts whole seconds of waiting on the given clock', () => {
    expect(waitSeconds(ago(59_999), NOW)).toBe(59);
    expect(formatWait(ago(59_999), NOW)).toBe('0:59');
    expect(formatWait(ago(75_000), NOW)).toBe('1:15');
    expect(formatWait(ago(3_725_000), NOW)).toBe('1:02:05');
  });

  it('never counts backwards when the clock estimate is a moment behind the PBX', () => {
    expect(waitSeconds(ago(-1500), NOW)).toBe(0);
    expect(formatWait(ago(-1500), NOW)).toBe('0:00');
  });

  it('refuses a time that is not one', () => {
    expect(() => waitSeconds('yesterday', NOW)).toThrow(/not a timestamp/);
  });
});

describe('waitingCalls', () => {
  it('puts the longest wait first, ties by id, and leaves the rows given untouched', () => {
    const rows = [
      { id: 'b', received_at: ago(5_000) },
      { id: 'z', received_at: ago(30_000) },
      { id: 'a', received_at: ago(30_000) },
      { id: 'c', received_at: ago(1_000) },
    ];
    const copy = [...rows];
    expect(waitingCalls(rows, NOW).map((r) => r.id)).toEqual(['a', 'z', 'b', 'c']);
    expect(rows).toEqual(copy);
  });

  it('leaves out a call that has rung for 12 hours (its end event was lost)', () => {
    const rows = [
      { id: 'stale', received_at: ago(STALE_RINGING_MS) },
      { id: 'almost', received_at: ago(STALE_RINGING_MS - 1000) },
    ];
    expect(waitingCalls(rows, NOW).map((r) => r.id)).toEqual(['almost']);
  });
});

describe('summariseWaiting', () => {
  it('counts the waiting calls and names the oldest', () => {
    const rows = [
      { id: 'b', received_at: ago(5_000) },
      { id: 'a', received_at: ago(42_000) },
    ];
    expect(summariseWaiting(rows, NOW, 3)).toEqual({ waiting: 2, oldestReceivedAt: ago(42_000), abandonedToday: 3 });
  });

  it('has no oldest call when none waits', () => {
    expect(summariseWaiting([], NOW, 0)).toEqual({ waiting: 0, oldestReceivedAt: null, abandonedToday: 0 });
  });
});
