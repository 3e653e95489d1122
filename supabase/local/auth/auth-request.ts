/**
 * What an auth request carries: its JSON body (checked against a schema) and its bearer token, resolved
 * to the signed-in user or to the admin role exactly as supabase/auth's middlewares decide.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { StackContext } from '../stack-context.ts';
import { HttpError, readBody } from '../http.ts';
import { JwtError, verifyJwt, type Claims } from '../jwt.ts';
import { AuthError, badRequest, forbidden } from './auth-errors.ts';
import { clientAddress } from './client-address.ts';
import { findSession, type SessionInfo } from './sessions.ts';
import { findUserById, type UserRecord } from './users.ts';

/** Roles whose JWT may call `/admin` (supabase/auth's GOTRUE_JWT_ADMIN_ROLES default). */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The body as `schema` describes it; an empty body reads as `{}`. */
export async function readParams<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (err) {
    if (err instanceof HttpError && err.status === 413) {
      throw new AuthError(413, 'request_too_large', String(err.body.message ?? 'Request body too large'));
    }
    throw err;
  }
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw badRequest('bad_json', `Could not parse request body as JSON: ${(err as Error).message}`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw badRequest('bad_json', `Could not parse request body as JSON: ${issue?.message ?? 'invalid body'}${where}`);
  }
  return parsed.data;
}

export function bearerToken(req: IncomingMessage): string {
  const match = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return match[1];
}

async function bearerClaims(req: IncomingMessage, secret: string): Promise<Claims> {
  const token = bearerToken(req);
  try {
    return await verifyJwt(token, secret);
  } catch (err) {
    if (err instanceof JwtError) {
      throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${err.message}`);
    }
    throw err;
  }
}

export async function requireAdmin(ctx: StackContext, req: IncomingMessage): Promise<Claims> {
  const claims = await bearerClaims(req, ctx.config.jwtSecret);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
  return claims;
}

export interface SignedIn {
  claims: Claims;
  user: UserRecord;
  session: SessionInfo | undefined;
}

/** The user and session named by the access token, refused when either is gone or the user is banned. */
export async function requireUser(ctx: StackContext, req: IncomingMessage): Promise<SignedIn> {
  const claims = await bearerClaims(req, ctx.config.jwtSecret);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(ctx.db, claims.sub);
  if (!user || user.deleted) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionInfo | undefined;
  const sessionId = claims.session_id;
  if (typeof sessionId === 'string' && sessionId !== '' && sessionId !== '00000000-0000-0000-0000-000000000000') {
    if (!isUuid(sessionId)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = await findSession(ctx.db, sessionId);
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  if (user.banned) throw forbidden('user_banned', 'User is banned');
  return { claims, user, session };
}

/**
 * The client's user agent and address, kept on the session as supabase/auth does. The address is the
 * one the rate limits use: `X-Forwarded-For` only from a trusted proxy.
 */
export function clientInfo(req: IncomingMessage, trustedProxies: ReadonlySet<string>): { userAgent?: string; ip?: string } {
  return { userAgent: req.headers['user-agent'], ip: clientAddress(req, trustedProxies) || undefined };
}
