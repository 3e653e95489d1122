/**
 * `POST /auth/v1/token`: the password grant (sign-in) and the refresh-token grant (rotation), with
 * supabase/auth's error codes and messages, which supabase-js surfaces as `error.code`/`error.message`.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { StackContext } from '../stack-context.ts';
import { sessionResponse, type SessionResponse, type TokenSettings } from './access-tokens.ts';
import { AuthError, badRequest, INVALID_LOGIN, overRequestRateLimit, unprocessable } from './auth-errors.ts';
import { clientInfo, readParams } from './auth-request.ts';
import { clientAddress } from './client-address.ts';
import { verifyPassword } from './passwords.ts';
import type { SignInThrottle } from './rate-limit.ts';
import { createSession, rotateRefreshToken, type RefreshOutcome } from './sessions.ts';
import { findUserByEmail, findUserById, recordSignIn } from './users.ts';

const passwordParams = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
});

const refreshParams = z.object({ refresh_token: z.string().optional() });

export interface SignInGuard {
  throttle: SignInThrottle;
  trustedProxies: ReadonlySet<string>;
}

export async function passwordGrant(
  ctx: StackContext,
  req: IncomingMessage,
  settings: TokenSettings,
  guard: SignInGuard,
): Promise<SessionResponse> {
  const params = await readParams(req, passwordParams);
  const email = params.email?.trim() ?? '';
  if (email && params.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (params.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!email) throw badRequest('validation_failed', 'missing email or phone');

  const address = clientAddress(req, guard.trustedProxies);
  // Before any lookup or bcrypt: a refused guess must cost the stack next to nothing.
  const attempt = guard.throttle.attempt(address, email);
  if (!attempt) throw overRequestRateLimit();

  const user = await findUserByEmail(ctx.db, email);
  if (!user || !user.encryptedPassword) throw badRequest('invalid_credentials', INVALID_LOGIN);
  if (user.banned) throw badRequest('user_banned', 'User is banned');
  // bcrypt is CPU work: done before the transaction so PGlite's single connection is not held meanwhile.
  if (!(await verifyPassword(params.password ?? '', user.encryptedPassword))) {
    throw badRequest('invalid_credentials', INVALID_LOGIN);
  }
  attempt.passwordAccepted();
  if (!user.emailConfirmed) throw badRequest('email_not_confirmed', 'Email not confirmed');

  const issued = await ctx.db.transaction(async (tx) => {
    await recordSignIn(tx, user.id, 'email');
    return createSession(tx, user.id, clientInfo(req, guard.trustedProxies));
  });
  const fresh = await findUserById(ctx.db, user.id);
  if (!fresh) throw badRequest('invalid_credentials', INVALID_LOGIN);
  return sessionResponse(fresh.user, issued.session, issued.refreshToken, settings);
}

export async function refreshGrant(
  ctx: StackContext,
  req: IncomingMessage,
  settings: TokenSettings,
  reuseIntervalSeconds: number,
): Promise<SessionResponse> {
  const params = await readParams(req, refreshParams);
  const token = params.refresh_token ?? '';
  if (token === '') throw badRequest('validation_failed', 'refresh_token required');
  if (token.length < 12) throw badRequest('validation_failed', 'Refresh token is not valid');

  // The outcome is returned, not thrown, so that ending a session on token reuse is committed.
  const outcome: RefreshOutcome = await ctx.db.transaction((tx) => rotateRefreshToken(tx, token, reuseIntervalSeconds));
  switch (outcome.kind) {
    case 'not_found':
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    case 'no_session':
      throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    case 'expired':
      throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    case 'banned':
      throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    case 'reused':
      throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    case 'rotated':
      break;
  }
  const user = await findUserById(ctx.db, outcome.session.userId);
  if (!user || user.deleted) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (user.banned) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  return sessionResponse(user.user, outcome.session, outcome.refreshToken, settings);
}

export function unsupportedGrant(): AuthError {
  return badRequest('invalid_credentials', 'unsupported_grant_type');
}
