import { describe, expect, it } from 'vitest';
import { SignInThrottle, TokenBuckets } from './rate-limit.ts';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('allows `limit` takes, then one more per window/limit', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 3, windowMs: 3000 }, c.now);
    for (let i = 0; i < 3; i++) {
      expect(b.hasToken('k')).toBe(true);
      b.take('k');
    }
    expect(b.hasToken('k')).toBe(false);
    c.advance(999);
    expect(b.hasToken('k')).toBe(false);
    c.advance(1);
    expect(b.hasToken('k')).toBe(true);
    b.take('k');
    expect(b.hasToken('k')).toBe(false);
    c.advance(3000);
    for (let i = 0; i < 3; i++) b.take('k');
    expect(b.hasToken('k')).toBe(false);
  });

  it('keeps no entry for a full bucket and forgets the stalest key past the cap', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 2, windowMs: 1000 }, c.now, 3);
    b.take('a');
    b.give('a');
    expect(b.size).toBe(0);
    for (const k of ['a', 'b', 'c']) {
      b.take(k);
      b.take(k);
      c.advance(1);
    }
    expect(b.size).toBe(3);
    b.take('d');
    expect(b.size).toBe(3);
    // 'a' was updated longest ago: it went, the others are still exhausted.
    expect(b.hasToken('a')).toBe(true);
    expect(b.hasToken('b')).toBe(false);
    expect(b.hasToken('c')).toBe(false);
    for (let i = 0; i < 10_000; i++) b.take(`flood-${i}`);
    expect(b.size).toBe(3);
  });

  it('bounds the memory of one key', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 1, windowMs: 1000 }, c.now);
    const long = 'x'.repeat(1_000_000);
    b.take(long);
    expect(b.hasToken(long)).toBe(false);
    // Keys are compared on their first 320 characters.
    expect(b.hasToken('x'.repeat(320))).toBe(false);
    expect(b.hasToken('x'.repeat(319))).toBe(true);
  });

  it('is off with a limit of 0', () => {
    const b = new TokenBuckets({ limit: 0, windowMs: 1000 }, Date.now);
    for (let i = 0; i < 100; i++) b.take('k');
    expect(b.hasToken('k')).toBe(true);
    expect(b.size).toBe(0);
  });
});

describe('SignInThrottle', () => {
  const limits = { perAddress: { limit: 5, windowMs: 5000 }, perAccount: { limit: 2, windowMs: 2000 } };

  it('counts failures per account, case-insensitively, and refunds a right password', () => {
    const c = clock();
    const t = new SignInThrottle(limits, c.now);
    // Right passwords never use up the allowance.
    for (let i = 0; i < 20; i++) t.attempt('10.0.0.1', 'siti@112.test')?.passwordAccepted();
    expect(t.trackedKeys).toEqual({ addresses: 0, accounts: 0 });
    expect(t.attempt('10.0.0.1', 'siti@112.test')).toBeDefined();
    expect(t.attempt('10.0.0.2', ' SITI@112.test ')).toBeDefined();
    expect(t.attempt('10.0.0.3', 'siti@112.test')).toBeUndefined();
    expect(t.attempt('10.0.0.3', 'budi@112.test')).toBeDefined();
    c.advance(1000);
    expect(t.attempt('10.0.0.3', 'siti@112.test')).toBeDefined();
  });

  it('counts failures per address across accounts, and a refusal takes nothing', () => {
    const c = clock();
    const t = new SignInThrottle(limits, c.now);
    for (let i = 0; i < 5; i++) expect(t.attempt('10.0.0.1', `user-${i}@112.test`)).toBeDefined();
    expect(t.attempt('10.0.0.1', 'fresh@112.test')).toBeUndefined();
    expect(t.attempt('10.0.0.2', 'fresh@112.test')).toBeDefined();
    // The refused attempt did not charge 'fresh': it still has one of its two.
    expect(t.attempt('10.0.0.3', 'fresh@112.test')).toBeDefined();
    expect(t.attempt('10.0.0.4', 'fresh@112.test')).toBeUndefined();
    c.advance(1000);
    expect(t.attempt('10.0.0.1', 'other@112.test')).toBeDefined();
    expect(t.attempt('10.0.0.1', 'other2@112.test')).toBeUndefined();
  });

  it('refunds once however often passwordAccepted is called', () => {
    const c = clock();
    const t = new SignInThrottle(limits, c.now);
    t.attempt('10.0.0.1', 'a@112.test');
    const ok = t.attempt('10.0.0.1', 'a@112.test');
    ok?.passwordAccepted();
    ok?.passwordAccepted();
    expect(t.attempt('10.0.0.1', 'a@112.test')).toBeDefined();
    expect(t.attempt('10.0.0.1', 'a@112.test')).toBeUndefined();
  });
});
