import { describe, expect, it } from 'vitest';
import { authSettingsFromEnv, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';

describe('authSettingsFromEnv', () => {
  it('has the documented defaults', () => {
    expect(authSettingsFromEnv({})).toEqual(DEFAULT_AUTH_SETTINGS);
    expect(DEFAULT_AUTH_SETTINGS).toMatchObject({
      passwordMinLength: 8,
      signInPerAccount: { limit: 10, windowMs: 900_000 },
      signInPerAddress: { limit: 60, windowMs: 900_000 },
    });
  });

  it('reads the STACK_AUTH_* and STACK_TRUSTED_PROXIES variables', () => {
    const s = authSettingsFromEnv({
      STACK_AUTH_PASSWORD_MIN_LENGTH: '12',
      STACK_AUTH_SIGNIN_ACCOUNT_LIMIT: '3',
      STACK_AUTH_SIGNIN_IP_LIMIT: '0',
      STACK_AUTH_SIGNIN_WINDOW: '1.5',
      STACK_TRUSTED_PROXIES: '127.0.0.1,::1',
    });
    expect(s.passwordMinLength).toBe(12);
    expect(s.signInPerAccount).toEqual({ limit: 3, windowMs: 1500 });
    expect(s.signInPerAddress).toEqual({ limit: 0, windowMs: 1500 });
    expect([...s.trustedProxies]).toEqual(['127.0.0.1', '::1']);
  });

  it('refuses values it cannot use instead of guessing', () => {
    expect(() => authSettingsFromEnv({ STACK_AUTH_PASSWORD_MIN_LENGTH: 'eight' })).toThrow(/STACK_AUTH_PASSWORD_MIN_LENGTH/);
    expect(() => authSettingsFromEnv({ STACK_AUTH_PASSWORD_MIN_LENGTH: '0' })).toThrow();
    expect(() => authSettingsFromEnv({ STACK_AUTH_SIGNIN_IP_LIMIT: '-1' })).toThrow();
    expect(() => authSettingsFromEnv({ STACK_AUTH_SIGNIN_WINDOW: '0' })).toThrow(/STACK_AUTH_SIGNIN_WINDOW/);
  });
});
