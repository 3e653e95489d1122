/**
 * auth.users and auth.identities, read and written as supabase/auth does, and the user JSON it returns
 * (`id, aud, role, email, phone, app_metadata, user_metadata, identities, …`).
 */
import type { Queryable } from '../db/database.ts';

export type JsonObject = Record<string, unknown>;

export interface UserJson extends JsonObject {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  app_metadata: JsonObject;
  user_metadata: JsonObject;
  identities: JsonObject[];
  is_anonymous: boolean;
}

export interface UserRecord {
  id: string;
  user: UserJson;
  encryptedPassword: string | null;
  banned: boolean;
  deleted: boolean;
  emailConfirmed: boolean;
}

/** supabase/auth's default audience (GOTRUE_JWT_AUD). */
export const DEFAULT_AUD = 'authenticated';

/** Fields supabase/auth leaves out of the JSON when they are null (Go `omitempty`). */
const OMIT_WHEN_NULL = [
  'email_confirmed_at',
  'phone_confirmed_at',
  'confirmation_sent_at',
  'confirmed_at',
  'recovery_sent_at',
  'last_sign_in_at',
  'banned_until',
  'deleted_at',
];

/** ISO 8601 in UTC whatever the session's TimeZone, as Go's time.Time marshals. */
const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const IDENTITY_JSON = `jsonb_build_object(
  'identity_id', i.id, 'id', i.provider_id, 'user_id', i.user_id, 'identity_data', i.identity_data,
  'provider', i.provider, 'last_sign_in_at', ${iso('i.last_sign_in_at')}, 'created_at', ${iso('i.created_at')},
  'updated_at', ${iso('i.updated_at')}, 'email', i.email)`;

const USER_SELECT = `
  select u.id,
         jsonb_build_object(
           'id', u.id, 'aud', coalesce(u.aud, ''), 'role', coalesce(u.role, ''), 'email', coalesce(u.email, ''),
           'email_confirmed_at', ${iso('u.email_confirmed_at')}, 'phone', coalesce(u.phone, ''),
           'phone_confirmed_at', ${iso('u.phone_confirmed_at')}, 'confirmation_sent_at', ${iso('u.confirmation_sent_at')},
           'confirmed_at', ${iso('u.confirmed_at')}, 'recovery_sent_at', ${iso('u.recovery_sent_at')},
           'last_sign_in_at', ${iso('u.last_sign_in_at')},
           'app_metadata', coalesce(u.raw_app_meta_data, '{}'::jsonb),
           'user_metadata', coalesce(u.raw_user_meta_data, '{}'::jsonb),
           'identities', coalesce((select jsonb_agg(${IDENTITY_JSON} order by i.created_at, i.id)
                                     from auth.identities i where i.user_id = u.id), '[]'::jsonb),
           'created_at', ${iso('u.created_at')}, 'updated_at', ${iso('u.updated_at')},
           'banned_until', ${iso('u.banned_until')}, 'deleted_at', ${iso('u.deleted_at')},
           'is_anonymous', u.is_anonymous
         ) as user_json,
         u.encrypted_password,
         coalesce(u.banned_until > now(), false) as banned,
         u.deleted_at is not null as deleted,
         u.email_confirmed_at is not null as email_confirmed
    from auth.users u`;

interface UserQueryRow {
  id: string;
  user_json: UserJson;
  encrypted_password: string | null;
  banned: boolean;
  deleted: boolean;
  email_confirmed: boolean;
}

function toRecord(row: UserQueryRow): UserRecord {
  const user = { ...row.user_json };
  for (const key of OMIT_WHEN_NULL) if (user[key] === null) delete user[key];
  return {
    id: row.id,
    user,
    encryptedPassword: row.encrypted_password,
    banned: row.banned,
    deleted: row.deleted,
    emailConfirmed: row.email_confirmed,
  };
}

export async function findUserById(q: Queryable, id: string): Promise<UserRecord | undefined> {
  const { rows } = await q.query<UserQueryRow>(`${USER_SELECT} where u.id = $1`, [id]);
  return rows[0] && toRecord(rows[0]);
}

/** The user an email signs in as: same audience, not deleted, not an SSO account (as supabase/auth). */
export async function findUserByEmail(q: Queryable, email: string, aud = DEFAULT_AUD): Promise<UserRecord | undefined> {
  const { rows } = await q.query<UserQueryRow>(
    `${USER_SELECT}
      where lower(u.email) = lower($1) and coalesce(u.aud, '') = $2 and u.deleted_at is null and not u.is_sso_user
      limit 1`,
    [email, aud],
  );
  return rows[0] && toRecord(rows[0]);
}

export async function emailTaken(q: Queryable, email: string, exceptId?: string): Promise<boolean> {
  const { rows } = await q.query(
    `select 1 from auth.users where lower(email) = lower($1) and id is distinct from $2::uuid`,
    [email, exceptId ?? null],
  );
  return rows.length > 0;
}

export async function phoneTaken(q: Queryable, phone: string, exceptId?: string): Promise<boolean> {
  const { rows } = await q.query(`select 1 from auth.users where phone = $1 and id is distinct from $2::uuid`, [
    phone,
    exceptId ?? null,
  ]);
  return rows.length > 0;
}

export interface ListedUsers {
  users: UserJson[];
  total: number;
}

/** Newest first, as supabase/auth's admin list; `filter` matches the email or `full_name` metadata. */
export async function listUsers(
  q: Queryable,
  opts: { aud: string; page: number; perPage: number; filter?: string },
): Promise<ListedUsers> {
  const like = opts.filter ? `%${opts.filter}%` : null;
  const where = `where coalesce(u.aud, '') = $1
                   and ($2::text is null or u.email ilike $2 or u.raw_user_meta_data ->> 'full_name' ilike $2)`;
  const total = await q.query<{ n: string }>(`select count(*)::text as n from auth.users u ${where}`, [opts.aud, like]);
  const { rows } = await q.query<UserQueryRow>(
    `${USER_SELECT} ${where} order by u.created_at desc, u.id limit $3 offset $4`,
    [opts.aud, like, opts.perPage, (opts.page - 1) * opts.perPage],
  );
  return { users: rows.map((r) => toRecord(r).user), total: Number(total.rows[0]?.n ?? 0) };
}

export interface NewUser {
  id?: string;
  aud: string;
  role: string;
  email: string | null;
  phone: string | null;
  encryptedPassword: string;
  appMetadata: JsonObject;
  userMetadata: JsonObject;
  emailConfirmed: boolean;
  phoneConfirmed: boolean;
  bannedUntil: Date | null;
}

/** Inserts the user and one identity per email/phone, as supabase/auth's admin create does. */
export async function insertUser(tx: Queryable, u: NewUser): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into auth.users (id, instance_id, aud, role, email, phone, encrypted_password,
                             raw_app_meta_data, raw_user_meta_data, email_confirmed_at, phone_confirmed_at,
                             banned_until, confirmation_token, recovery_token, email_change_token_new, email_change,
                             created_at, updated_at)
     values (coalesce($1::uuid, gen_random_uuid()), '00000000-0000-0000-0000-000000000000', $2, $3, $4, $5, $6,
             $7::jsonb, $8::jsonb, case when $9 then now() end, case when $10 then now() end,
             $11::timestamptz, '', '', '', '', now(), now())
     returning id`,
    [
      u.id ?? null,
      u.aud,
      u.role,
      u.email,
      u.phone,
      u.encryptedPassword,
      JSON.stringify(u.appMetadata),
      JSON.stringify(u.userMetadata),
      u.emailConfirmed,
      u.phoneConfirmed,
      u.bannedUntil?.toISOString() ?? null,
    ],
  );
  const id = rows[0].id;
  if (u.email) await upsertIdentity(tx, id, 'email', { sub: id, email: u.email, email_verified: false, phone_verified: false });
  if (u.phone) await upsertIdentity(tx, id, 'phone', { sub: id, phone: u.phone, email_verified: false, phone_verified: false });
  return id;
}

/** Creates the user's identity for `provider` or merges `data` into the one it has. */
export async function upsertIdentity(tx: Queryable, userId: string, provider: string, data: JsonObject): Promise<void> {
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $1::uuid, $2::jsonb, $3, now(), now())
     on conflict (provider_id, provider)
       do update set identity_data = auth.identities.identity_data || excluded.identity_data, updated_at = now()`,
    [userId, JSON.stringify(data), provider],
  );
}

/** Applies a metadata patch the supabase/auth way: keys set to null are removed, others replaced. */
export function mergeMetadata(current: JsonObject, patch: JsonObject): JsonObject {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

export interface UserPatch {
  email?: string;
  phone?: string;
  encryptedPassword?: string;
  role?: string;
  appMetadata?: JsonObject;
  userMetadata?: JsonObject;
  confirmEmail?: boolean;
  confirmPhone?: boolean;
  /** `null` lifts a ban. */
  bannedUntil?: Date | null;
}

export async function updateUser(tx: Queryable, id: string, p: UserPatch): Promise<void> {
  await tx.query(
    `update auth.users set
       email = coalesce($2, email),
       phone = coalesce($3, phone),
       encrypted_password = coalesce($4, encrypted_password),
       role = coalesce($5, role),
       raw_app_meta_data = coalesce($6::jsonb, raw_app_meta_data),
       raw_user_meta_data = coalesce($7::jsonb, raw_user_meta_data),
       email_confirmed_at = case when $8 then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
       phone_confirmed_at = case when $9 then coalesce(phone_confirmed_at, now()) else phone_confirmed_at end,
       banned_until = case when $10 then $11::timestamptz else banned_until end,
       updated_at = now()
     where id = $1`,
    [
      id,
      p.email ?? null,
      p.phone ?? null,
      p.encryptedPassword ?? null,
      p.role ?? null,
      p.appMetadata ? JSON.stringify(p.appMetadata) : null,
      p.userMetadata ? JSON.stringify(p.userMetadata) : null,
      p.confirmEmail ?? false,
      p.confirmPhone ?? false,
      p.bannedUntil !== undefined,
      p.bannedUntil ? p.bannedUntil.toISOString() : null,
    ],
  );
}

export async function recordSignIn(tx: Queryable, userId: string, provider: string): Promise<void> {
  await tx.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId]);
  await tx.query(`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = $2`, [
    userId,
    provider,
  ]);
}

/** Hard delete: identities and sessions (and so refresh tokens) go with the user by cascade. */
export async function deleteUser(tx: Queryable, id: string): Promise<void> {
  await tx.query(`delete from auth.users where id = $1`, [id]);
}

/**
 * Soft delete as supabase/auth: the row stays (so foreign keys to it hold) but can never sign in again,
 * and its email and phone are freed for a new account.
 */
export async function softDeleteUser(tx: Queryable, id: string): Promise<void> {
  await tx.query(
    `update auth.users set email = null, phone = null, encrypted_password = null, deleted_at = now(), updated_at = now()
      where id = $1 and deleted_at is null`,
    [id],
  );
  await tx.query(`delete from auth.identities where user_id = $1`, [id]);
  await tx.query(`delete from auth.sessions where user_id = $1`, [id]);
}
