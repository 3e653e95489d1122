/**
 * The simulator's seeded randomness: one small PRNG (mulberry32, 32-bit state) and the few
 * distributions the plan draws from. No library in the tree offers a seeded generator as a direct
 * dependency, and a plan must be the same for the same seed on every machine, so it is written out
 * here: integer arithmetic only (Math.imul), no Math.random anywhere in the simulation.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** An independent stream for one purpose, so adding a draw in one place does not shift the others. */
export function deriveRng(seed: number, label: string): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return createRng(h);
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

export function chance(rng: Rng, probability: number): boolean {
  return rng.next() < probability;
}

/** Exponential with the given mean: the gaps of a Poisson arrival process. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Standard normal (Box–Muller; 1 − u keeps the logarithm finite). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Log-normal given its median and the ratio p95/median: human task times are skewed to the right
 * (most operators classify in half a minute, a few take two). z(0.95) = 1.6449.
 */
export function logNormal(rng: Rng, median: number, p95OverMedian: number): number {
  const sigma = Math.log(p95OverMedian) / 1.6448536;
  return median * Math.exp(sigma * standardNormal(rng));
}

/** One key drawn with probability proportional to its weight. */
export function pickWeighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new RangeError('pickWeighted needs a positive total weight');
  let r = rng.next() * total;
  for (const [key, weight] of entries) {
    r -= weight;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pickOne needs at least one item');
  return items[Math.floor(rng.next() * items.length)];
}
