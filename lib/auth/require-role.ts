/**
 * Server-side gate for a page: signed-out visitors go to /login (and come back here after signing in), accounts without an active profile
 * go to the home page (which explains why), and a role not listed gets 403. Pages must call it
 * themselves; a layout check alone does not run again on client navigation.
 */
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { loginPathFor, REQUEST_PATH_HEADER } from './return-path';
import type { AppRole } from '@/lib/demo-users';
import { getSession, type Profile } from './session';
import type { User } from '@supabase/supabase-js';

export async function requireRole(...roles: AppRole[]): Promise<{ user: User; profile: Profile }> {
  const session = await getSession();
  if (session.status === 'signed_out') redirect(loginPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  if (session.status !== 'active') redirect('/');
  if (!roles.includes(session.profile.role)) forbidden();
  return { user: session.user, profile: session.profile };
}
