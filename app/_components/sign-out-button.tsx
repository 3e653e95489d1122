/** Sign-out as a form posting to a server action, so it works even before the page hydrates. */
import { signOut } from '@/lib/auth/actions';
import { getT } from '@/lib/i18n/server';
import { Button } from '@/components/ui/button';

export async function SignOutButton() {
  const { t } = await getT();
  return (
    <form action={signOut} className="shrink-0">
      <Button type="submit" variant="ghost" className="shrink-0 whitespace-nowrap border border-white/40" data-test="sign-out">
        {t('header.signOut')}
      </Button>
    </form>
  );
}
