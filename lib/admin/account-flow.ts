/**
 * The administrator's account changes, each one the auth side and the profile side together
 * (issue #13). `db` acts as the signed-in admin (the database checks the role, writes the audit
 * event with the admin as actor and checks versions); `auth` is the service-role client, used only
 * for the auth admin API. Nothing is left half-made: a user whose profile cannot be created is
 * deleted again, and an account whose sign-in cannot be blocked is reactivated again.
 * Callers are server code only (server actions, `npm run admin:create`); the service-role client
 * itself comes from lib/supabase/admin.ts, which is `server-only`.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { toWriteResult } from '@/lib/data/write-result';
import type { NewAccountInput, ProfileInput } from '@/lib/domain/account-input';
import { toWriteFailure, type WriteFailure } from '@/lib/domain/write-failure';
import { generatePassword } from './generate-password';

export type Profile = Tables<'profiles'>;

/** supabase/auth's refusals the console words itself; anything else is `auth_failed`. */
export type AuthProblem = 'email_exists' | 'weak_password' | 'auth_failed';

export type AccountFailure = { kind: 'auth'; problem: AuthProblem; detail: string } | WriteFailure;

export type AccountResult<T> = { ok: true; data: T } | { ok: false; failure: AccountFailure };

/** How long a deactivated account stays banned in auth: "until reactivated" (supabase's own docs use 876000h). */
export const DEACTIVATED_BAN = '876000h';

export interface AccountClients {
  db: Db;
  auth: Db;
}

function authFailure(error: { code?: string; message: string }): AccountFailure {
  const problem: AuthProblem = error.code === 'email_exists' || error.code === 'weak_password' ? error.code : 'auth_failed';
  return { kind: 'auth', problem, detail: error.message };
}

export interface CreatedAccount {
  profile: Profile;
  /** The generated password, to show once; null when the admin chose one. */
  generatedPassword: string | null;
}

export async function createAccount(clients: AccountClients, input: NewAccountInput): Promise<AccountResult<CreatedAccount>> {
  const generatedPassword = input.password === null ? generatePassword() : null;
  const created = await clients.auth.auth.admin.createUser({
    email: input.email,
    password: input.password ?? generatedPassword ?? undefined,
    email_confirm: true,
    user_metadata: { full_name: input.fullName },
  });
  if (created.error || !created.data.user) {
    return { ok: false, failure: authFailure(created.error ?? { message: 'no user in the answer' }) };
  }
  const userId = created.data.user.id;
  const profile = toWriteResult(
    await clients.db
      .rpc('admin_create_profile', {
        p_user_id: userId,
        p_full_name: input.fullName,
        p_role: input.role,
        p_agency_id: input.agencyId ?? undefined,
        p_extension: input.extension ?? undefined,
      }),
  );
  if (!profile.ok) {
    // The profile step failed (refused, conflict, no answer): the auth user must not stay behind
    // without a profile, or the email would be taken by an account nobody can use.
    const removed = await clients.auth.auth.admin.deleteUser(userId);
    if (removed.error) throw new Error(`Removing auth user ${userId} after a failed profile step failed: ${removed.error.message}`);
    return { ok: false, failure: profile.failure };
  }
  return { ok: true, data: { profile: profile.data, generatedPassword } };
}

/** A profile for an auth user that has none (created outside the console). */
export async function giveProfile(clients: Pick<AccountClients, 'db'>, userId: string, input: ProfileInput): Promise<AccountResult<Profile>> {
  return toWriteResult(
    await clients.db.rpc('admin_create_profile', {
      p_user_id: userId,
      p_full_name: input.fullName,
      p_role: input.role,
      p_agency_id: input.agencyId ?? undefined,
      p_extension: input.extension ?? undefined,
    }),
  );
}

export async function updateProfile(
  clients: Pick<AccountClients, 'db'>,
  userId: string,
  expectedVersion: number,
  input: ProfileInput,
): Promise<AccountResult<Profile>> {
  return toWriteResult(
    await clients.db
      .rpc('admin_update_profile', {
        p_user_id: userId,
        p_expected_version: expectedVersion,
        p_full_name: input.fullName,
        p_role: input.role,
        p_agency_id: input.agencyId ?? undefined,
        p_extension: input.extension ?? undefined,
      }),
  );
}

/**
 * Deactivation: the profile first (from the next request RLS denies everything and the user's open
 * screens see their profile row go inactive), then the auth ban, which refuses sign-in and token
 * refresh. Reactivation lifts the ban after the profile is active again.
 */
export async function setAccountActive(
  clients: AccountClients,
  userId: string,
  active: boolean,
  expectedVersion: number,
): Promise<AccountResult<Profile>> {
  const changed = toWriteResult(
    await clients.db.rpc('admin_set_profile_active', { p_user_id: userId, p_active: active, p_expected_version: expectedVersion }),
  );
  if (!changed.ok) return changed;
  const banned = await clients.auth.auth.admin.updateUserById(userId, { ban_duration: active ? 'none' : DEACTIVATED_BAN });
  if (banned.error) {
    const undo = toWriteResult(
      await clients.db
        .rpc('admin_set_profile_active', { p_user_id: userId, p_active: !active, p_expected_version: changed.data.version }),
    );
    if (!undo.ok) throw new Error(`Undoing the profile change of ${userId} after a failed auth ban failed`);
    return { ok: false, failure: authFailure(banned.error) };
  }
  return changed;
}

/** A new password (given, or generated and returned once); the auth service ends the user's sessions. */
export async function resetPassword(
  clients: AccountClients,
  userId: string,
  password: string | null,
): Promise<AccountResult<{ generatedPassword: string | null }>> {
  const generatedPassword = password === null ? generatePassword() : null;
  const updated = await clients.auth.auth.admin.updateUserById(userId, { password: password ?? generatedPassword ?? undefined });
  if (updated.error) return { ok: false, failure: authFailure(updated.error) };
  const recorded = await clients.db.rpc('admin_record_password_reset', { p_user_id: userId });
  if (recorded.error) return { ok: false, failure: toWriteFailure(recorded.error, recorded.status) };
  return { ok: true, data: { generatedPassword } };
}
