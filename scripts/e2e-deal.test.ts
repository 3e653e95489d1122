import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { dealSpecs, DEFAULT_SPEC_SECONDS } from './e2e-deal.ts';

describe('dealSpecs', () => {
  it('puts the longest spec alone when it outweighs the rest, and balances the others', () => {
    const lanes = dealSpecs(['a.spec.ts', 'b.spec.ts', 'c.spec.ts', 'd.spec.ts'], { 'a.spec.ts': 300, 'b.spec.ts': 100, 'c.spec.ts': 90, 'd.spec.ts': 80 }, 2);
    expect(lanes).toEqual([
      { specs: ['a.spec.ts'], expectedSeconds: 300 },
      { specs: ['b.spec.ts', 'c.spec.ts', 'd.spec.ts'], expectedSeconds: 270 },
    ]);
  });

  it('beats round-robin by name on the case that made one lane 300 s', () => {
    // Round-robin by name gives lane 1 a, c, e (390 s) and lane 2 b, d (200 s); greedy 220 and 370.
    const durations = { 'a.spec.ts': 200, 'b.spec.ts': 190, 'c.spec.ts': 10, 'd.spec.ts': 10, 'e.spec.ts': 180 };
    const lanes = dealSpecs(Object.keys(durations), durations, 2);
    expect(lanes).toEqual([
      { specs: ['a.spec.ts', 'c.spec.ts', 'd.spec.ts'], expectedSeconds: 220 },
      { specs: ['b.spec.ts', 'e.spec.ts'], expectedSeconds: 370 },
    ]);
    expect(lanes.flatMap((l) => l.specs).sort()).toEqual(Object.keys(durations).sort());
  });

  it('counts a spec missing from the table (or with a nonsense figure) as the default', () => {
    const lanes = dealSpecs(['known.spec.ts', 'new.spec.ts', 'odd.spec.ts'], { 'known.spec.ts': DEFAULT_SPEC_SECONDS * 2, 'odd.spec.ts': Number.NaN }, 2);
    expect(lanes).toEqual([
      { specs: ['known.spec.ts'], expectedSeconds: DEFAULT_SPEC_SECONDS * 2 },
      { specs: ['new.spec.ts', 'odd.spec.ts'], expectedSeconds: DEFAULT_SPEC_SECONDS * 2 },
    ]);
  });

  it('is the same for the same input: ties go by name', () => {
    const specs = ['d.spec.ts', 'c.spec.ts', 'b.spec.ts', 'a.spec.ts'];
    const first = dealSpecs(specs, {}, 2);
    expect(first).toEqual(dealSpecs([...specs].reverse(), {}, 2));
    expect(first.map((l) => l.specs)).toEqual([['a.spec.ts', 'c.spec.ts'], ['b.spec.ts', 'd.spec.ts']]);
  });

  it('deals every spec exactly once, keeps empty lanes when there are more lanes than specs, and refuses no lanes', () => {
    expect(dealSpecs(['a.spec.ts', 'a.spec.ts'], {}, 3).map((l) => l.specs)).toEqual([['a.spec.ts'], [], []]);
    expect(() => dealSpecs(['a.spec.ts'], {}, 0)).toThrow(/at least 1/);
    // A spec named like an Object property is looked up in the table's own keys only.
    expect(dealSpecs(['constructor'], {}, 1)).toEqual([{ specs: ['constructor'], expectedSeconds: DEFAULT_SPEC_SECONDS }]);
  });

  it('the committed table names only specs that exist, with figures in seconds', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const table = JSON.parse(readFileSync(path.join(root, 'scripts', 'e2e-durations.json'), 'utf8')) as { seconds: Record<string, number> };
    const specs = new Set(readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.spec.ts')));
    for (const [spec, seconds] of Object.entries(table.seconds)) {
      expect(specs.has(spec), spec).toBe(true);
      expect(seconds, spec).toBeGreaterThan(0);
    }
  });
});
