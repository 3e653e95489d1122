import { describe, expect, it, vi } from 'vitest';
import { AuthError } from './auth-errors.ts';
import { MAX_QUEUED_JOBS } from './bcrypt-worker.ts';
import { checkPasswordStrength, hashPassword, verifyPassword, WeakPasswordError } from './passwords.ts';

// bcryptjs is plain JavaScript: on the main thread each hash would stall every request of the stack.
// Here the main thread's copy refuses and counts every use; the worker loads its own copy by path
// (bcrypt-worker.ts), which this mock cannot reach. A hash that verifies thus ran in the worker.
const mainThreadBcrypt = vi.hoisted(() => ({ calls: 0 }));
vi.mock('bcryptjs', () => {
  const refuse = () => {
    mainThreadBcrypt.calls++;
    throw new Error('bcrypt ran on the main thread');
  };
  const api = { hash: refuse, hashSync: refuse, compare: refuse, compareSync: refuse, genSalt: refuse, genSaltSync: refuse };
  return { ...api, default: api };
});

/** "Cilegon112!" at cost 4 (bcryptjs, $2a$ prefix): the queue, not the hashing, is under test where it is used. */
const CHEAP_HASH = '$2a$04$v29PSanwWiTNxI.vjaR8VOgXIKNSqe/R47lI6yeQGvI1SYM4LPzHq';

/** bcrypt at cost 10 is ~80 ms a job on a quiet core and many times that on a loaded CI machine: head room, not a bound. */
const GENEROUS = { timeout: 60_000 };

describe('passwords', () => {
  it('writes $2a$ bcrypt hashes of cost 10 that verify', GENEROUS, async () => {
    const hash = await hashPassword('Cilegon112!');
    expect(hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('Cilegon112!', hash)).toBe(true);
    expect(await verifyPassword('cilegon112!', hash)).toBe(false);
    // "Cilegon112!" hashed by pgcrypto (crypt(pw, gen_salt('bf', 10))), as supabase/seed.sql does.
    const pgcrypto = '$2a$10$NiUzEN5YbMxPRMzDQvhqkuO1zWwlikDRo/EqQVhTD.QyWRVWNq.WK';
    expect(await verifyPassword('Cilegon112!', pgcrypto)).toBe(true);
    expect(await verifyPassword('Cilegon112!', pgcrypto.replace('$2a$', '$2b$'))).toBe(true);
  });

  it('refuses a sign-in with 429 once the bcrypt queue is full, and serves the queue', GENEROUS, async () => {
    const hash = CHEAP_HASH;
    const burst = Array.from({ length: MAX_QUEUED_JOBS + 10 }, () =>
      verifyPassword('Cilegon112!', hash).then(
        (ok) => ({ ok }),
        (err: unknown) => ({ status: err instanceof AuthError ? err.status : -1, code: err instanceof AuthError ? err.code : String(err) }),
      ),
    );
    const results = await Promise.all(burst);
    expect(results.filter((r) => 'ok' in r && r.ok)).toHaveLength(MAX_QUEUED_JOBS);
    expect(results.filter((r) => !('ok' in r))).toEqual(Array(10).fill({ status: 429, code: 'over_request_rate_limit' }));
    // Once the queue drains, sign-ins are served again.
    expect(await verifyPassword('Cilegon112!', hash)).toBe(true);
  });

  it('treats a missing or non-bcrypt hash as a wrong password', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('hashes and verifies on the worker thread while the main thread keeps running', GENEROUS, async () => {
    const hash = await hashPassword('Rahasia-112!');
    // Main-thread event-loop turns that complete while five bcrypt jobs (one worker, one after the
    // other, about 0.4 s of hashing) are in flight: a count, not a clock. The mock above shows where
    // the hashing ran; this shows the main thread went on meanwhile.
    let inFlight = true;
    let turns = 0;
    const turn = () => {
      if (!inFlight) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const jobs = Promise.all([
      verifyPassword('Rahasia-112!', hash),
      verifyPassword('wrong-1', hash),
      verifyPassword('wrong-2', hash),
      verifyPassword('wrong-3', hash),
      hashPassword('Kata-Sandi-Baru-1'),
    ]);
    const results = await jobs;
    const turnsWhileHashing = turns;
    inFlight = false;
    expect(results.slice(0, 4)).toEqual([true, false, false, false]);
    expect(await verifyPassword('Kata-Sandi-Baru-1', results[4] as string)).toBe(true);
    expect(turnsWhileHashing).toBeGreaterThan(0);
    expect(mainThreadBcrypt.calls).toBe(0);
  });

  it('refuses short passwords as weak_password with supabase/auth reasons, over-long ones as validation_failed', () => {
    const outcome = (pw: string, min = 8) => {
      try {
        checkPasswordStrength(pw, min);
        return 'ok';
      } catch (err) {
        return err instanceof AuthError ? `${err.status} ${err.code}` : 'other';
      }
    };
    expect(outcome('abc')).toBe('422 weak_password');
    expect(outcome('1234567')).toBe('422 weak_password');
    expect(outcome('12345678')).toBe('ok');
    expect(outcome('Cilegon112!')).toBe('ok');
    expect(outcome('12345', 6)).toBe('422 weak_password');
    expect(outcome('123456', 6)).toBe('ok');
    // Bytes, as supabase/auth (Go's len) counts: four 4-byte characters are 16 bytes.
    expect(outcome('🚑🚑🚑🚑')).toBe('ok');
    expect(outcome('x'.repeat(72))).toBe('ok');
    expect(outcome('x'.repeat(73))).toBe('400 validation_failed');

    const weak = (() => {
      try {
        checkPasswordStrength('abc', 8);
      } catch (err) {
        return err;
      }
    })();
    expect(weak).toBeInstanceOf(WeakPasswordError);
    expect((weak as WeakPasswordError).message).toBe('Password should be at least 8 characters.');
    expect((weak as WeakPasswordError).extra).toEqual({ weak_password: { reasons: ['length'] } });
    expect((weak as WeakPasswordError).codeHeader).toBe(false);
  });
});
