'use client';
/** Creating an account: email, initial password (or a generated one, shown once) and the profile. */
import { useActionState } from 'react';
import Link from 'next/link';
import type { AgencyOption } from '@/lib/data/admin-accounts';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { createAccountAction } from '../actions';
import { IDLE } from '../account-form-state';
import { FieldProblem } from './field-problem';
import { FormResult } from './form-result';
import { ProfileFields } from './profile-fields';

export function NewAccountForm({ agencies }: { agencies: readonly AgencyOption[] }) {
  const { t } = useT();
  const [state, action, pending] = useActionState(createAccountAction, IDLE);
  const problems = state.status === 'invalid' ? state.problems : {};
  return (
    <form action={action} className="grid max-w-xl gap-4" data-test="new-account-form" noValidate>
      <FormResult state={state} />
      {state.status === 'done' && state.accountId ? (
        <Link href={`/admin/accounts/${state.accountId}`} className="text-sm font-semibold text-sky-800 underline" data-test="created-account-link">
          {t('accounts.edit')}
        </Link>
      ) : null}
      <div>
        <TextField id="new-email" name="email" type="email" label={t('accounts.field.email')} required autoComplete="off" data-test="account-email" />
        <FieldProblem problem={problems.email} />
      </div>
      <div>
        <TextField id="new-password" name="password" type="text" label={t('accounts.field.password')} autoComplete="new-password" data-test="account-password" />
        <p className="mt-1 text-sm text-slate-600">{t('accounts.field.passwordHint')}</p>
        <FieldProblem problem={problems.password} />
      </div>
      <ProfileFields idPrefix="new" defaults={{ fullName: '', role: 'operator', agencyId: null, extension: null }} agencies={agencies} problems={problems} />
      <Button type="submit" disabled={pending} data-test="account-create">
        {t('accounts.create.submit')}
      </Button>
    </form>
  );
}
