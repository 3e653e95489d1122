import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-errors.ts';
import bcrypt from 'bcryptjs';
import { MAX_QUEUED_JOBS } from './bcrypt-worker.ts';
import { checkPasswordStrength, hashPassword, verifyPassword, WeakPasswordError } from './passwords.ts';

describe('passwords', () => {
  it('writes $2a$ bcrypt hashes of cost 10 that verify', async () => {
    const hash = await hashPassword('Cilegon112!');
    expect(hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('Cilegon112!', hash)).toBe(true);
    expect(await verifyPassword('cilegon112!', hash)).toBe(false);
    // "Cilegon112!" hashed by pgcrypto (crypt(pw, gen_salt('bf', 10))), as supabase/seed.sql does.
    const pgcrypto = '$2a$10$NiUzEN5YbMxPRMzDQvhqkuO1zWwlikDRo/EqQVhTD.QyWRVWNq.WK';
    expect(await verifyPassword('Cilegon112!', pgcrypto)).toBe(true);
    expect(await verifyPassword('Cilegon112!', pgcrypto.replace('$2a$', '$2b$'))).toBe(true);
  });

  it('refuses a sign-in with 429 once the bcrypt queue is full, and serves the queue', async () => {
    const hash = bcrypt.hashSync('Cilegon112!', 4); // cost 4: the queue, not the hashing, is under test
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

  it('keeps the event loop free while hashing and verifying', async () => {
    const hash = await hashPassword('Rahasia-112!');
    // The longest gap between 5 ms timer ticks while four verifications and a hash run (about 0.4 s of
    // bcrypt). With bcryptjs on the main thread the gaps were 300-360 ms; off it they are ~10 ms, with
    // rare outliers near 60 ms on a loaded 2-core machine, hence the margin.
    let last = performance.now();
    let worstGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    const results = await Promise.all([
      verifyPassword('Rahasia-112!', hash),
      verifyPassword('wrong-1', hash),
      verifyPassword('wrong-2', hash),
      verifyPassword('wrong-3', hash),
      hashPassword('Kata-Sandi-Baru-1'),
    ]);
    clearInterval(timer);
    expect(results.slice(0, 4)).toEqual([true, false, false, false]);
    expect(worstGap).toBeLessThan(150);
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
