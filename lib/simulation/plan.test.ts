import { describe, expect, it } from 'vitest';
import { isInServiceArea, distanceMetres } from '../domain/geo';
import { isKelurahanOf } from '../domain/kelurahan';
import { CALL_TYPE_WEIGHTS } from './call-mix';
import { planCalls, planCounts } from './plan';

const input = { seed: 112, rate: 5, durationMs: 600_000, speed: 60, runId: 't' };

describe('planCalls', () => {
  it('is the same plan for the same seed, another for another seed; the run id only names the calls', () => {
    const a = planCalls(input);
    const b = planCalls({ ...input, runId: 'other' });
    expect(b.map(({ externalId: _, ...rest }) => rest)).toEqual(a.map(({ externalId: _, ...rest }) => rest));
    expect(new Set([...a, ...b].map((c) => c.externalId)).size).toBe(a.length * 2);
    expect(planCalls({ ...input, seed: 113 })).not.toEqual(a);
  });

  it('rings at the asked rate, in order, within the duration', () => {
    const plan = planCalls(input);
    expect(plan.length).toBeGreaterThan(2850);
    expect(plan.length).toBeLessThan(3150);
    expect(plan.every((c, i) => i === 0 || c.ringsAtMs >= plan[i - 1].ringsAtMs)).toBe(true);
    expect(plan[plan.length - 1].ringsAtMs).toBeLessThan(600_000);
  });

  it('follows the call mix of data/cilegon.json', () => {
    const plan = planCalls({ ...input, durationMs: 3_600_000 });
    const counts = planCounts(plan);
    const total = Object.values(CALL_TYPE_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const type of ['emergency', 'info', 'prank', 'ghost'] as const) {
      expect(Math.abs(counts[type] / plan.length - CALL_TYPE_WEIGHTS[type] / total)).toBeLessThan(0.02);
    }
    expect(Math.abs(counts.abandoning / plan.length - 0.05)).toBeLessThan(0.01);
  });

  it('divides every human delay by the speed', () => {
    const slow = planCalls({ ...input, speed: 1 });
    const fast = planCalls(input);
    for (let i = 0; i < 50; i++) expect(Math.abs(slow[i].classifyMs / 60 - fast[i].classifyMs)).toBeLessThanOrEqual(1);
  });

  it('puts emergencies on land in Cilegon with a matching kelurahan, and repeat callers near an earlier emergency of the same kind', () => {
    const plan = planCalls(input);
    const emergencies = plan.filter((c) => c.emergency);
    expect(emergencies.length).toBeGreaterThan(1000);
    for (const c of emergencies) {
      const e = c.emergency!;
      expect(isInServiceArea(e.place)).toBe(true);
      expect(e.place.lng).toBeGreaterThanOrEqual(105.955);
      expect(isKelurahanOf(e.place.kecamatan, e.place.kelurahan)).toBe(true);
      if (e.repeatOf !== null) {
        const first = plan[e.repeatOf];
        expect(first.emergency?.repeatOf).toBeNull();
        expect(first.abandonAfterMs).toBeNull();
        expect(first.emergency?.category).toBe(e.category);
        expect(distanceMetres(first.emergency!.place, e.place)).toBeLessThan(500);
      }
    }
    expect(planCounts(plan).repeat).toBeGreaterThan(100);
  });

  it('abandons only before the ring would be answered, and refuses a zero rate', () => {
    for (const c of planCalls(input)) if (c.abandonAfterMs !== null) expect(c.abandonAfterMs).toBeLessThan(c.ringMs);
    expect(() => planCalls({ ...input, rate: 0 })).toThrow(RangeError);
  });
});
