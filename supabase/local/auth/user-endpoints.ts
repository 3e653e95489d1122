/**
 * The signed-in user's own endpoints: `GET /user`, `PUT /user` (metadata and password) and
 * `POST /logout?scope=global|local|others`.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { StackContext } from '../stack-context.ts';
import { badRequest, forbidden, unprocessable } from './auth-errors.ts';
import { readParams, requireUser } from './auth-request.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
import { endSessions, type LogoutScope } from './sessions.ts';
import { DEFAULT_AUD, findUserById, mergeMetadata, updateUser, type UserJson } from './users.ts';

const jsonObject = z.record(z.string(), z.unknown());

const updateParams = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
  data: jsonObject.nullable().optional(),
  app_metadata: jsonObject.nullable().optional(),
  nonce: z.string().optional(),
  current_password: z.string().optional(),
});

export async function getUser(ctx: StackContext, req: IncomingMessage): Promise<UserJson> {
  const { claims, user } = await requireUser(ctx, req);
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (aud !== DEFAULT_AUD) throw badRequest('validation_failed', "Token audience doesn't match request audience");
  return user.user;
}

export async function updateOwnUser(ctx: StackContext, req: IncomingMessage, passwordMinLength: number): Promise<UserJson> {
  const { user, session } = await requireUser(ctx, req);
  const params = await readParams(req, updateParams);
  if (params.app_metadata) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  // Changing the address needs a confirmation e-mail, which this stack cannot send: admins do it instead.
  if ((params.email && params.email.toLowerCase() !== user.user.email) || (params.phone && params.phone !== user.user.phone)) {
    throw unprocessable('validation_failed', 'Changing the email or phone is done by an administrator in this deployment');
  }
  let encryptedPassword: string | undefined;
  if (params.password !== undefined && params.password !== '') {
    checkPasswordStrength(params.password, passwordMinLength);
    if (await verifyPassword(params.password, user.encryptedPassword)) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    encryptedPassword = await hashPassword(params.password);
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      encryptedPassword,
      userMetadata: params.data ? mergeMetadata(user.user.user_metadata, params.data) : undefined,
    });
    // A new password means the old one may be known to someone else: end every other session.
    if (encryptedPassword) await endSessions(tx, user.id, session?.id, session ? 'others' : 'global');
  });
  const fresh = await findUserById(ctx.db, user.id);
  if (!fresh) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  return fresh.user;
}

export function parseLogoutScope(value: string | null): LogoutScope {
  if (value === null || value === '' || value === 'global') return 'global';
  if (value === 'local' || value === 'others') return value;
  throw badRequest('validation_failed', `Unsupported logout scope "${value}"`);
}

export async function logout(ctx: StackContext, req: IncomingMessage, scope: LogoutScope): Promise<void> {
  const { user, session } = await requireUser(ctx, req);
  await ctx.db.transaction((tx) => endSessions(tx, user.id, session?.id, scope));
}
