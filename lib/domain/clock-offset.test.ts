import { describe, expect, it } from 'vitest';
import { clockOffsetMs } from './clock-offset';

describe('clockOffsetMs', () => {
  it('places the server time in the middle of the round trip', () => {
    const sent = Date.parse('2026-11-28T10:00:00.000Z');
    // The server is 30 s ahead; the round trip took 200 ms.
    expect(clockOffsetMs(sent, '2026-11-28T10:00:30.100Z', sent + 200)).toBe(30_000);
  });

  it('measures a local clock running ahead as a negative offset', () => {
    const sent = Date.parse('2026-11-28T10:05:00.000Z');
    expect(clockOffsetMs(sent, '2026-11-28T10:00:00.000Z', sent)).toBe(-300_000);
  });

  it('refuses nonsense', () => {
    expect(() => clockOffsetMs(0, 'yesterday', 1)).toThrow();
    expect(() => clockOffsetMs(10, '2026-11-28T10:00:00Z', 5)).toThrow(RangeError);
  });
});
