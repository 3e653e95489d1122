/**
 * The one place every signed-in screen gets its AccountWatch from (AppShell, and the wall's own
 * kiosk frame): nothing is rendered for a visitor without an active profile.
 */
import { getSession } from '@/lib/auth/session';
import { AccountWatch } from './account-watch';

export async function SessionWatch() {
  const session = await getSession();
  if (session.status !== 'active') return null;
  return <AccountWatch userId={session.profile.id} role={session.profile.role} agencyId={session.profile.agency_id} />;
}
