'use client';
/** Setting a new password for an account: given, or generated and shown once. */
import { useActionState } from 'react';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { resetPasswordAction } from '../actions';
import { IDLE } from '../account-form-state';
import { FieldProblem } from './field-problem';
import { FormResult } from './form-result';

export function PasswordResetForm({ id }: { id: string }) {
  const { t } = useT();
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="grid max-w-xl gap-3" data-test="password-reset-form" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormResult state={state} />
      <div>
        <TextField id="reset-password" name="password" type="text" label={t('accounts.reset.field')} autoComplete="new-password" data-test="reset-password" />
        <p className="mt-1 text-sm text-slate-600">{t('accounts.field.passwordHint')}</p>
        <FieldProblem problem={state.status === 'invalid' ? state.problems.password : undefined} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} data-test="reset-submit">
        {t('accounts.reset.submit')}
      </Button>
    </form>
  );
}
