/** Entry point: sends a signed-in user to the area of their profile (role, wall display), others to /login. */
import { redirect } from 'next/navigation';
import { homePathForProfile } from '@/lib/auth/home-path';
import { getSession } from '@/lib/auth/session';
import { AccountProblem } from './_components/account-problem';

export default async function HomePage() {
  const session = await getSession();
  if (session.status === 'signed_out') redirect('/login');
  if (session.status === 'active') redirect(homePathForProfile(session.profile));
  return <AccountProblem reason={session.status} email={session.user.email ?? session.user.id} />;
}
