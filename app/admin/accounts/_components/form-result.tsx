'use client';
/** The answer of an account form: the refusal, or the success and, once, a generated password. */
import { Alert } from '@/components/ui/alert';
import { useT } from '@/lib/i18n/use-t';
import type { AccountFormState } from '../account-form-state';

export function FormResult({ state }: { state: AccountFormState }) {
  const { t } = useT();
  if (state.status === 'failed') {
    return (
      <Alert tone="error" data-test="form-error">
        {state.message}
      </Alert>
    );
  }
  if (state.status === 'invalid') {
    return (
      <Alert tone="error" data-test="form-error">
        {t('accounts.formInvalid')}
      </Alert>
    );
  }
  if (state.status !== 'done') return null;
  return (
    <Alert data-test="form-done">
      <p>{state.message}</p>
      {state.password ? (
        <p className="mt-2">
          {t('accounts.password.once')}{' '}
          <code className="rounded bg-white px-2 py-1 font-mono text-base select-all" data-test="generated-password">
            {state.password}
          </code>
        </p>
      ) : null}
    </Alert>
  );
}
