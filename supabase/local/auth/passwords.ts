/**
 * Password hashing as supabase/auth does it: bcrypt, cost 10, `$2a$` hashes, so that hashes written by
 * this stack, by supabase/auth and by a seed using pgcrypto (`extensions.crypt(pw, extensions.gen_salt('bf'))`)
 * are interchangeable. The hashing runs on a worker thread (see bcrypt-worker.ts).
 */
import { AuthError, badRequest, overRequestRateLimit } from './auth-errors.ts';
import { BcryptBusyError, bcryptCompare, bcryptHash } from './bcrypt-worker.ts';

const COST = 10;
/** bcrypt only reads the first 72 bytes; supabase/auth refuses longer passwords rather than truncate. */
export const MAX_PASSWORD_LENGTH = 72;

/** A full bcrypt queue is a flood: answered as supabase/auth answers too many requests. */
async function orRateLimited<T>(job: Promise<T>): Promise<T> {
  try {
    return await job;
  } catch (err) {
    if (err instanceof BcryptBusyError) throw overRequestRateLimit();
    throw err;
  }
}

export async function hashPassword(password: string): Promise<string> {
  return orRateLimited(bcryptHash(password, COST));
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]?\$\d\d\$/.test(hash)) return false;
  return orRateLimited(bcryptCompare(password, hash));
}

/**
 * supabase/auth's 422 for a new password that fails the policy: `{code: "weak_password", message,
 * weak_password: {reasons}}`. Its own type because supabase/auth renders it apart from other errors
 * (no `x-sb-error-code` header).
 */
export class WeakPasswordError extends AuthError {
  override readonly codeHeader = false;

  constructor(message: string, reasons: string[]) {
    super(422, 'weak_password', message, { weak_password: { reasons } });
    this.name = 'WeakPasswordError';
  }
}

/**
 * supabase/auth's checks on a new password: too long is a 400, too short a 422 `weak_password`. Both
 * lengths are in bytes, as Go's len() counts them there.
 */
export function checkPasswordStrength(password: string, minLength: number): void {
  const bytes = Buffer.byteLength(password);
  if (bytes > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (bytes < minLength) {
    throw new WeakPasswordError(`Password should be at least ${minLength} characters.`, ['length']);
  }
}
