import { describe, expect, it } from 'vitest';
import { createRng, deriveRng, exponential, logNormal, pickWeighted } from './random';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds, always in [0, 1)', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(7, 50)).not.toEqual(draw(8, 50));
    expect(draw(123, 10_000).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('derives independent streams by label', () => {
    const a = deriveRng(1, 'call:1').next();
    expect(deriveRng(1, 'call:1').next()).toBe(a);
    expect(deriveRng(1, 'call:2').next()).not.toBe(a);
  });

  it('draws an exponential with the asked mean and a log-normal with the asked median and p95', () => {
    const rng = createRng(42);
    const exp = Array.from({ length: 20_000 }, () => exponential(rng, 200));
    expect(exp.reduce((a, b) => a + b, 0) / exp.length).toBeGreaterThan(190);
    expect(exp.reduce((a, b) => a + b, 0) / exp.length).toBeLessThan(210);
    const ln = Array.from({ length: 20_000 }, () => logNormal(rng, 1000, 2.5)).sort((a, b) => a - b);
    expect(ln[10_000]).toBeGreaterThan(950);
    expect(ln[10_000]).toBeLessThan(1050);
    expect(ln[19_000]).toBeGreaterThan(2300);
    expect(ln[19_000]).toBeLessThan(2700);
  });

  it('picks by weight and never a zero-weight key', () => {
    const rng = createRng(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[pickWeighted(rng, { a: 3, b: 1, never: 0 })]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
    expect(() => pickWeighted(rng, { a: 0 })).toThrow(RangeError);
  });
});
