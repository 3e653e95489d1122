'use client';
/** The profile part of the account forms: name, role, agency (OPD only), extension (operators only). */
import { APP_ROLES, type AppRole } from '@/lib/domain/workflow';
import type { AccountProblem } from '@/lib/domain/account-input';
import type { AgencyOption } from '@/lib/data/admin-accounts';
import { useT } from '@/lib/i18n/use-t';
import { TextField } from '@/components/ui/text-field';
import { FieldProblem } from './field-problem';

const SELECT =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 focus:border-sky-600';

export interface ProfileDefaults {
  fullName: string;
  role: AppRole;
  agencyId: string | null;
  extension: string | null;
}

export function ProfileFields({
  idPrefix,
  defaults,
  agencies,
  problems,
}: {
  idPrefix: string;
  defaults: ProfileDefaults;
  agencies: readonly AgencyOption[];
  problems: Partial<Record<string, AccountProblem>>;
}) {
  const { t } = useT();
  return (
    <>
      <div>
        <TextField id={`${idPrefix}-name`} name="fullName" label={t('accounts.field.fullName')} defaultValue={defaults.fullName} required maxLength={120} data-test="account-full-name" />
        <FieldProblem problem={problems.fullName} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-role`} className="text-sm font-semibold text-slate-800">
          {t('accounts.field.role')}
        </label>
        <select id={`${idPrefix}-role`} name="role" defaultValue={defaults.role} className={SELECT} data-test="account-role">
          {APP_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <FieldProblem problem={problems.role} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-agency`} className="text-sm font-semibold text-slate-800">
          {t('accounts.field.agency')}
        </label>
        <select id={`${idPrefix}-agency`} name="agencyId" defaultValue={defaults.agencyId ?? ''} className={SELECT} data-test="account-agency">
          <option value="">{t('accounts.field.agencyNone')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id} disabled={!agency.active && agency.id !== defaults.agencyId}>
              {agency.name}
            </option>
          ))}
        </select>
        <FieldProblem problem={problems.agencyId} />
      </div>
      <div>
        <TextField
          id={`${idPrefix}-extension`}
          name="extension"
          label={t('accounts.field.extension')}
          defaultValue={defaults.extension ?? ''}
          inputMode="numeric"
          pattern="[0-9]{2,8}"
          maxLength={8}
          data-test="account-extension"
        />
        <FieldProblem problem={problems.extension} />
      </div>
    </>
  );
}
