import { describe, expect, it } from 'vitest';
import { Metrics, percentile } from './metrics';

describe('metrics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('keeps errors and expected conflicts apart, by message', () => {
    const m = new Metrics();
    m.record('dispatch', 30);
    m.record('dispatch', 10);
    m.error('webhook ringing', 'HTTP 503 unavailable');
    m.error('webhook ringing', 'HTTP 503 unavailable');
    m.conflict('dispatch', 'stale_version');
    expect(m.errorTotal).toBe(2);
    expect(m.conflictTotal).toBe(1);
    expect(m.errors()).toEqual({ 'webhook ringing: HTTP 503 unavailable': 2 });
    expect(m.actions()).toEqual([{ action: 'dispatch', count: 2, p50Ms: 10, p95Ms: 30, p99Ms: 30, maxMs: 30 }]);
  });
});
