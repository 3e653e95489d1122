/** Entry point: sends a signed-in user to the area of their role (from `profiles`), others to /login. */
import { redirect } from 'next/navigation';
import { homePathForRole } from '@/lib/auth/home-path';
import { getSession } from '@/lib/auth/session';
import { AccountProblem } from './_components/account-problem';

export default async function HomePage() {
  const session = await getSession();
  if (session.status === 'signed_out') redirect('/login');
  if (session.status === 'active') redirect(homePathForRole(session.profile.role));
  return <AccountProblem reason={session.status} email={session.user.email ?? session.user.id} />;
}
