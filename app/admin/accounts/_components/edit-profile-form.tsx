'use client';
/** Changing an account's profile; the version it was read at goes along, so two admins never overwrite each other. */
import { useActionState } from 'react';
import type { AgencyOption } from '@/lib/data/admin-accounts';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { saveProfileAction } from '../actions';
import { IDLE } from '../account-form-state';
import { FormResult } from './form-result';
import { ProfileFields, type ProfileDefaults } from './profile-fields';

export function EditProfileForm({
  id,
  version,
  defaults,
  agencies,
}: {
  id: string;
  /** null: the account has no profile yet and gets one. */
  version: number | null;
  defaults: ProfileDefaults;
  agencies: readonly AgencyOption[];
}) {
  const { t } = useT();
  const [state, action, pending] = useActionState(saveProfileAction, IDLE);
  return (
    <form action={action} className="grid max-w-xl gap-4" data-test="edit-profile-form" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version ?? ''} />
      <FormResult state={state} />
      <ProfileFields idPrefix="edit" defaults={defaults} agencies={agencies} problems={state.status === 'invalid' ? state.problems : {}} />
      <Button type="submit" disabled={pending} data-test="account-save">
        {t('accounts.save')}
      </Button>
    </form>
  );
}
