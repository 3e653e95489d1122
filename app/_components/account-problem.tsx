/** Shown to a signed-in account that cannot use the app: no profile yet, or deactivated. */
import { getT } from '@/lib/i18n/server';
import { CenteredMessage } from './centered-message';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

export async function AccountProblem({ reason, email }: { reason: 'no_profile' | 'inactive'; email: string }) {
  const { t } = await getT();
  const key = reason === 'no_profile' ? 'noProfile' : 'inactive';
  return (
    <CenteredMessage title={t(`account.${key}.title`)} testId={`account-${reason}`}>
      <p>{t(`account.${key}.body`, { email })}</p>
      <div className="flex items-center justify-between gap-4 rounded-md bg-slate-900 p-2 text-white">
        <LanguageSwitch />
        <SignOutButton />
      </div>
    </CenteredMessage>
  );
}
