/**
 * Password hashing as supabase/auth does it: bcrypt, cost 10, `$2a$` hashes, so that hashes written by
 * this stack, by supabase/auth and by a seed using pgcrypto (`extensions.crypt(pw, extensions.gen_salt('bf'))`)
 * are interchangeable. The hashing runs on a worker thread (see bcrypt-worker.ts).
 */
import { AuthError, badRequest } from './auth-errors.ts';
import { bcryptCompare, bcryptHash } from './bcrypt-worker.ts';

const COST = 10;
/** bcrypt only reads the first 72 bytes; supabase/auth refuses longer passwords rather than truncate. */
export const MAX_PASSWORD_LENGTH = 72;
/** supabase/auth's default GOTRUE_PASSWORD_MIN_LENGTH. */
export const MIN_PASSWORD_LENGTH = 6;

export async function hashPassword(password: string): Promise<string> {
  return bcryptHash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]?\$\d\d\$/.test(hash)) return false;
  return bcryptCompare(password, hash);
}

/** supabase/auth's checks on a new password: too long is a 400, too short a 422 `weak_password`. */
export function checkPasswordStrength(password: string): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    const message = `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`;
    throw new AuthError(422, 'weak_password', message, { weak_password: { message, reasons: ['length'] } });
  }
}
