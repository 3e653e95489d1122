'use server';
/**
 * The account console's server actions (issue #13). Each one first asks the database whether the
 * caller is an active admin (getSession reads the caller's profile under RLS), never trusting the
 * page that showed the button; the service-role client is made only after that, on the server,
 * and the profile side runs as the admin so the database checks and audits it again.
 */
import { revalidatePath } from 'next/cache';
import { getSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { createClient } from '@/lib/supabase/server';
import { createAdminClient } from '@/lib/supabase/admin';
import { writeFailureMessage } from '@/lib/data/write-result';
import type { Db } from '@/lib/data/db';
import { getAccount } from '@/lib/data/admin-accounts';
import { checkNewAccountInput, checkNewPassword, checkProfileInput } from '@/lib/domain/account-input';
import { createAccount, giveProfile, resetPassword, setAccountActive, updateProfile, type AccountFailure } from '@/lib/admin/account-flow';
import type { AccountFormState } from './account-form-state';

function fields(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(formData.get(n) ?? '')]));
}

function failureMessage(failure: AccountFailure, t: Translate): string {
  return failure.kind === 'auth' ? t(`accounts.auth.${failure.problem}`, { detail: failure.detail }) : writeFailureMessage(failure, t);
}

/** The caller's database client when they are an active admin; otherwise the refusal to show. */
async function adminOnly(t: Translate): Promise<{ ok: true; db: Db } | { ok: false; state: AccountFormState }> {
  const session = await getSession();
  if (session.status !== 'active' || session.profile.role !== 'admin') {
    return { ok: false, state: { status: 'failed', message: t('workflow.forbidden_role') } };
  }
  return { ok: true, db: await createClient() };
}

const PROFILE_FIELDS = ['fullName', 'role', 'agencyId', 'extension'] as const;

export async function createAccountAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const { t } = await getT();
  const checked = checkNewAccountInput(fields(formData, [...PROFILE_FIELDS, 'email', 'password']));
  if (!checked.ok) return { status: 'invalid', problems: checked.problems };
  const caller = await adminOnly(t);
  if (!caller.ok) return caller.state;
  const result = await createAccount({ db: caller.db, auth: createAdminClient() }, checked.value);
  if (!result.ok) return { status: 'failed', message: failureMessage(result.failure, t) };
  revalidatePath('/admin/accounts');
  return {
    status: 'done',
    message: t('accounts.create.done', { email: checked.value.email }),
    password: result.data.generatedPassword,
    accountId: result.data.profile.id,
  };
}

export async function saveProfileAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const { t } = await getT();
  const checked = checkProfileInput(fields(formData, PROFILE_FIELDS));
  if (!checked.ok) return { status: 'invalid', problems: checked.problems };
  const caller = await adminOnly(t);
  if (!caller.ok) return caller.state;
  const id = String(formData.get('id') ?? '');
  const version = Number(formData.get('version') ?? '');
  // An auth user without a profile (made outside the console) gets one; others are changed.
  const result =
    formData.get('version') === ''
      ? await giveProfile({ db: caller.db }, id, checked.value)
      : await updateProfile({ db: caller.db }, id, version, checked.value);
  if (!result.ok) return { status: 'failed', message: failureMessage(result.failure, t) };
  revalidatePath('/admin/accounts');
  revalidatePath(`/admin/accounts/${id}`);
  return { status: 'done', message: t('accounts.saved'), password: null, accountId: id };
}

export async function setActiveAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const { t } = await getT();
  const caller = await adminOnly(t);
  if (!caller.ok) return caller.state;
  const id = String(formData.get('id') ?? '');
  const active = formData.get('active') === 'true';
  const result = await setAccountActive({ db: caller.db, auth: createAdminClient() }, id, active, Number(formData.get('version') ?? ''));
  if (!result.ok) return { status: 'failed', message: failureMessage(result.failure, t) };
  revalidatePath('/admin/accounts');
  revalidatePath(`/admin/accounts/${id}`);
  return { status: 'done', message: t(active ? 'accounts.reactivated' : 'accounts.deactivated'), password: null, accountId: id };
}

export async function resetPasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const { t } = await getT();
  const caller = await adminOnly(t);
  if (!caller.ok) return caller.state;
  const id = String(formData.get('id') ?? '');
  const account = await getAccount(caller.db, id);
  if (!account) return { status: 'failed', message: t('accounts.notFound') };
  const password = String(formData.get('password') ?? '');
  if (password !== '') {
    const problem = checkNewPassword(password, account.email);
    if (problem) return { status: 'invalid', problems: { password: problem } };
  }
  const result = await resetPassword({ db: caller.db, auth: createAdminClient() }, id, password === '' ? null : password);
  if (!result.ok) return { status: 'failed', message: failureMessage(result.failure, t) };
  return { status: 'done', message: t('accounts.reset.done'), password: result.data.generatedPassword, accountId: id };
}
