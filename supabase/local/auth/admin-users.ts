/**
 * `/auth/v1/admin/users[/id]` for the service role: list (paged, newest first), create, read, update,
 * delete, with supabase/auth's parameters (`email_confirm`, `user_metadata`, `app_metadata`,
 * `ban_duration`, …) and errors.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { StackContext } from '../stack-context.ts';
import { randomBytes } from 'node:crypto';
import { badRequest, notFound, unprocessable } from './auth-errors.ts';
import { isUuid, readParams } from './auth-request.ts';
import { parseGoDuration } from './go-duration.ts';
import { checkPasswordStrength, hashPassword, MAX_PASSWORD_LENGTH } from './passwords.ts';
import { endSessions } from './sessions.ts';
import {
  DEFAULT_AUD,
  deleteUser,
  emailTaken,
  findUserById,
  insertUser,
  listUsers,
  mergeMetadata,
  phoneTaken,
  softDeleteUser,
  updateUser,
  upsertIdentity,
  type JsonObject,
  type UserJson,
  type UserRecord,
} from './users.ts';

const jsonObject = z.record(z.string(), z.unknown());

const userParams = z.object({
  id: z.string().optional(),
  aud: z.string().optional(),
  role: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().nullable().optional(),
  password_hash: z.string().optional(),
  email_confirm: z.boolean().optional(),
  phone_confirm: z.boolean().optional(),
  user_metadata: jsonObject.nullable().optional(),
  app_metadata: jsonObject.nullable().optional(),
  ban_duration: z.string().optional(),
});
type UserParams = z.output<typeof userParams>;

const deleteParams = z.object({ should_soft_delete: z.boolean().optional() });

const DEFAULT_PER_PAGE = 50;
const DUPLICATE_EMAIL = 'A user with this email address has already been registered';
const DUPLICATE_PHONE = 'Phone number already registered by another user';
// The format check of supabase/auth's email validation (checkmail).
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function validateEmail(email: string): string {
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_FORMAT.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

/** E.164 digits without the plus, as supabase/auth stores phone numbers. */
function validatePhone(phone: string): string {
  const digits = phone.replace(/[\s+\-()]/g, '');
  if (!/^[1-9]\d{1,14}$/.test(digits)) throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)');
  return digits;
}

/** `undefined` when no ban change is asked for; `null` lifts a ban ("none" or a zero duration). */
function banUntil(duration: string | undefined): Date | null | undefined {
  if (duration === undefined || duration === '') return undefined;
  if (duration === 'none') return null;
  const ms = parseGoDuration(duration);
  if (ms === undefined) throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${duration}"`);
  return ms === 0 ? null : new Date(Date.now() + ms);
}

async function loadUser(ctx: StackContext, id: string): Promise<UserRecord> {
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

function pageParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw badRequest('validation_failed', `Bad Pagination Parameters: invalid number "${value}"`);
  return Number(value);
}

export interface UserPage {
  body: { users: UserJson[]; aud: string };
  headers: Record<string, string>;
}

export async function listUsersPage(ctx: StackContext, url: URL): Promise<UserPage> {
  const page = Math.max(1, pageParam(url.searchParams.get('page'), 1));
  const perPage = Math.max(1, pageParam(url.searchParams.get('per_page'), DEFAULT_PER_PAGE));
  const filter = url.searchParams.get('filter') || undefined;
  const { users, total } = await listUsers(ctx.db, { aud: DEFAULT_AUD, page, perPage, filter });
  // auth-js reads `x-total-count` and the `rel="next"`/`rel="last"` links to fill in its pagination.
  const totalPages = Math.ceil(total / perPage);
  const link = (p: number) => {
    const u = new URL(url.pathname + url.search, 'http://stack');
    u.searchParams.set('page', String(p));
    return `<${u.pathname}${u.search}>`;
  };
  const links = totalPages > page ? [`${link(page + 1)}; rel="next"`] : [];
  links.push(`${link(totalPages)}; rel="last"`);
  return { body: { users, aud: DEFAULT_AUD }, headers: { link: links.join(', '), 'x-total-count': String(total) } };
}

async function passwordHashFor(params: UserParams, minLength: number): Promise<string> {
  if (params.password_hash) {
    if (!/^\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}$/.test(params.password_hash)) {
      throw badRequest('validation_failed', 'Only bcrypt password hashes are supported');
    }
    return params.password_hash;
  }
  // Like supabase/auth, a user created without a password gets an unguessable one.
  if (!params.password) return hashPassword(randomBytes(32).toString('base64url'));
  // supabase/auth checks only the 72-byte bcrypt limit here; this stack applies the whole policy, so an
  // administrator cannot give an account a password that a user could not choose (README).
  if (Buffer.byteLength(params.password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  checkPasswordStrength(params.password, minLength);
  return hashPassword(params.password);
}

export async function createUser(ctx: StackContext, req: IncomingMessage, passwordMinLength: number): Promise<UserJson> {
  const params = await readParams(req, userParams);
  if (!params.email && !params.phone) {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  const providers: string[] = [];
  const email = params.email ? validateEmail(params.email) : null;
  if (email) {
    if (await emailTaken(ctx.db, email)) throw unprocessable('email_exists', DUPLICATE_EMAIL);
    providers.push('email');
  }
  const phone = params.phone ? validatePhone(params.phone) : null;
  if (phone) {
    if (await phoneTaken(ctx.db, phone)) throw unprocessable('phone_exists', DUPLICATE_PHONE);
    providers.push('phone');
  }
  if (params.password && params.password_hash) {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  if (params.id !== undefined && params.id !== '') {
    if (!isUuid(params.id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
    if (/^[0-]+$/.test(params.id)) throw badRequest('validation_failed', 'ID cannot be a nil uuid');
  }
  const bannedUntil = banUntil(params.ban_duration);
  const encryptedPassword = await passwordHashFor(params, passwordMinLength);

  let userMetadata: JsonObject = params.user_metadata ?? {};
  if (params.email_confirm && email) userMetadata = mergeMetadata(userMetadata, { email_verified: true });
  if (params.phone_confirm && phone) userMetadata = mergeMetadata(userMetadata, { phone_verified: true });
  const appMetadata = mergeMetadata({ provider: providers[0], providers }, params.app_metadata ?? {});

  const id = await ctx.db
    .transaction((tx) =>
      insertUser(tx, {
        id: params.id || undefined,
        aud: params.aud || DEFAULT_AUD,
        role: params.role || 'authenticated',
        email,
        phone,
        encryptedPassword,
        appMetadata,
        userMetadata,
        emailConfirmed: Boolean(params.email_confirm && email),
        phoneConfirmed: Boolean(params.phone_confirm && phone),
        bannedUntil: bannedUntil ?? null,
      }),
    )
    .catch((err: unknown) => {
      // A race with another create of the same address, or a reused id: the unique keys decide.
      if ((err as { code?: string }).code === '23505') throw unprocessable('email_exists', DUPLICATE_EMAIL);
      throw err;
    });
  return (await loadUser(ctx, id)).user;
}

export async function getUserById(ctx: StackContext, id: string): Promise<UserJson> {
  return (await loadUser(ctx, id)).user;
}

export async function updateUserById(
  ctx: StackContext,
  req: IncomingMessage,
  id: string,
  passwordMinLength: number,
): Promise<UserJson> {
  const current = await loadUser(ctx, id);
  const params = await readParams(req, userParams);
  const email = params.email ? validateEmail(params.email) : undefined;
  if (email && email !== current.user.email && (await emailTaken(ctx.db, email, id))) {
    throw unprocessable('email_exists', DUPLICATE_EMAIL);
  }
  const phone = params.phone ? validatePhone(params.phone) : undefined;
  if (phone && phone !== current.user.phone && (await phoneTaken(ctx.db, phone, id))) {
    throw unprocessable('phone_exists', DUPLICATE_PHONE);
  }
  const bannedUntil = banUntil(params.ban_duration);
  let encryptedPassword: string | undefined;
  if (typeof params.password === 'string') {
    checkPasswordStrength(params.password, passwordMinLength);
    encryptedPassword = await hashPassword(params.password);
  }
  let userMetadata = params.user_metadata ? mergeMetadata(current.user.user_metadata, params.user_metadata) : undefined;
  if (params.email_confirm) userMetadata = mergeMetadata(userMetadata ?? current.user.user_metadata, { email_verified: true });

  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, {
      email,
      phone,
      encryptedPassword,
      role: params.role || undefined,
      appMetadata: params.app_metadata ? mergeMetadata(current.user.app_metadata, params.app_metadata) : undefined,
      userMetadata,
      confirmEmail: params.email_confirm,
      confirmPhone: params.phone_confirm,
      bannedUntil,
    });
    if (email) await upsertIdentity(tx, id, 'email', { sub: id, email, email_verified: Boolean(params.email_confirm) });
    if (phone) await upsertIdentity(tx, id, 'phone', { sub: id, phone, phone_verified: Boolean(params.phone_confirm) });
    // As supabase/auth: a password set by an administrator signs the user out everywhere.
    if (encryptedPassword) await endSessions(tx, id, undefined, 'global');
  });
  return (await loadUser(ctx, id)).user;
}

export async function deleteUserById(ctx: StackContext, req: IncomingMessage, id: string): Promise<Record<string, never>> {
  await loadUser(ctx, id);
  const params = await readParams(req, deleteParams);
  await ctx.db.transaction((tx) => (params.should_soft_delete ? softDeleteUser(tx, id) : deleteUser(tx, id)));
  return {};
}
