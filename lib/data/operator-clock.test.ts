import { describe, expect, it } from 'vitest';
import { clockOffsetMs } from './operator-clock';

describe('clockOffsetMs', () => {
  it('measures from the midpoint of the round trip', () => {
    const local = Date.parse('2026-11-28T10:00:00.000Z');
    // The database is 5 s ahead; the request took 200 ms.
    expect(clockOffsetMs('2026-11-28T10:00:05.100+00:00', local, local + 200)).toBe(5000);
    expect(clockOffsetMs('2026-11-28 09:59:58.1+00', local, local + 200)).toBe(-2000);
  });

  it('refuses a value that is not a time', () => {
    expect(() => clockOffsetMs('soon', 0, 1)).toThrow(/server_now/);
  });
});
