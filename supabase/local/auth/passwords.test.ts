import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('writes $2a$ bcrypt hashes of cost 10 that verify', async () => {
    const hash = await hashPassword('Cilegon112!');
    expect(hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('Cilegon112!', hash)).toBe(true);
    expect(await verifyPassword('cilegon112!', hash)).toBe(false);
  });

  it('treats a missing or non-bcrypt hash as a wrong password', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('refuses short passwords as weak_password and over-long ones as validation_failed', () => {
    const codeOf = (pw: string) => {
      try {
        checkPasswordStrength(pw);
        return 'ok';
      } catch (err) {
        return err instanceof AuthError ? `${err.status} ${err.code}` : 'other';
      }
    };
    expect(codeOf('12345')).toBe('422 weak_password');
    expect(codeOf('123456')).toBe('ok');
    expect(codeOf('x'.repeat(73))).toBe('400 validation_failed');
  });
});
