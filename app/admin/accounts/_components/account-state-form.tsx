'use client';
/** Deactivating or reactivating an account (version-checked). */
import { useActionState } from 'react';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { setActiveAction } from '../actions';
import { IDLE } from '../account-form-state';
import { FormResult } from './form-result';

export function AccountStateForm({ id, version, active }: { id: string; version: number; active: boolean }) {
  const { t } = useT();
  const [state, action, pending] = useActionState(setActiveAction, IDLE);
  return (
    <form action={action} className="grid max-w-xl gap-3" data-test="account-state-form" data-active={active}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <FormResult state={state} />
      <p className="text-sm text-slate-700">{t(active ? 'accounts.state.activeBody' : 'accounts.state.inactiveBody')}</p>
      <Button type="submit" variant={active ? 'danger' : 'success'} disabled={pending} data-test={active ? 'account-deactivate' : 'account-reactivate'}>
        {t(active ? 'accounts.deactivate' : 'accounts.reactivate')}
      </Button>
    </form>
  );
}
