/**
 * Settings of the auth API that supabase/auth takes from GOTRUE_* variables: the password policy, the
 * sign-in rate limits and which proxies may tell the client's address. Read from the environment
 * here (names below) until the stack's config carries them; `createAuthApi` also takes them as options.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `STACK_AUTH_PASSWORD_MIN_LENGTH` | 8 | shortest new password, in bytes as supabase/auth counts |
 * | `STACK_AUTH_SIGNIN_ACCOUNT_LIMIT` | 10 | failed password sign-ins per account per window (0: no limit) |
 * | `STACK_AUTH_SIGNIN_IP_LIMIT` | 60 | failed password sign-ins per client address per window (0: no limit) |
 * | `STACK_AUTH_SIGNIN_WINDOW` | 900 | seconds in which an exhausted allowance refills completely |
 * | `STACK_TRUSTED_PROXIES` | (none) | comma-separated addresses whose `X-Forwarded-For` is believed |
 */
import { isIP } from 'node:net';
import { normalizeAddress } from './client-address.ts';

export interface RateLimit {
  /** Attempts allowed in a burst; 0 turns the limit off. */
  limit: number;
  /** Milliseconds in which an emptied allowance refills to `limit` (one attempt per window/limit). */
  windowMs: number;
}

export interface AuthSettings {
  /** supabase/auth's GOTRUE_PASSWORD_MIN_LENGTH (default 6 there; 8 here, see README). */
  passwordMinLength: number;
  /** Failed password grants per account (the email as typed, case-insensitive). */
  signInPerAccount: RateLimit;
  /** Failed password grants per client address. */
  signInPerAddress: RateLimit;
  /** Peers whose `X-Forwarded-For` names the client; anyone else is known by the socket address. */
  trustedProxies: ReadonlySet<string>;
}

/*
 * Why these numbers: 20 operators may sign in at shift change from one NAT'ed LAN address, some of
 * them mistyping; only failed attempts count, so 60 per 15 min lets a whole shift mistype three
 * times each at once, while one address can try at most 60 + 4/min passwords. An account allows 10
 * failures, then one more every 90 s: a person who forgot the password is slowed, never locked out
 * for long, and a guesser gets under 1,000 tries a day on one account.
 */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  passwordMinLength: 8,
  signInPerAccount: { limit: 10, windowMs: 900_000 },
  signInPerAddress: { limit: 60, windowMs: 900_000 },
  trustedProxies: new Set(),
};

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  // A typo in a security setting must stop the start, not silently fall back to something else.
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

function seconds(env: Record<string, string | undefined>, name: string, fallbackMs: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallbackMs;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value * 1000;
}

export function authSettingsFromEnv(env: Record<string, string | undefined> = process.env): AuthSettings {
  const d = DEFAULT_AUTH_SETTINGS;
  const windowMs = seconds(env, 'STACK_AUTH_SIGNIN_WINDOW', d.signInPerAccount.windowMs);
  return {
    passwordMinLength: integer(env, 'STACK_AUTH_PASSWORD_MIN_LENGTH', d.passwordMinLength, 1),
    signInPerAccount: { limit: integer(env, 'STACK_AUTH_SIGNIN_ACCOUNT_LIMIT', d.signInPerAccount.limit, 0), windowMs },
    signInPerAddress: { limit: integer(env, 'STACK_AUTH_SIGNIN_IP_LIMIT', d.signInPerAddress.limit, 0), windowMs },
    trustedProxies: parseTrustedProxies(env.STACK_TRUSTED_PROXIES ?? ''),
  };
}

export function parseTrustedProxies(value: string): ReadonlySet<string> {
  const addresses = value
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean);
  for (const address of addresses) {
    // Names or ranges would be matched against nothing: refuse them rather than trust no one silently.
    if (isIP(address) === 0) throw new Error(`STACK_TRUSTED_PROXIES takes IP addresses, got "${address}"`);
  }
  return new Set(addresses);
}
