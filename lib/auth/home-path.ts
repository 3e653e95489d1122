/**
 * The area each account lands on after signing in: by role, and the wall display's account
 * (a leadership account with `profiles.wall_display`) on /wall. Other leadership accounts land on
 * /stats, which links to /wall.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { AppRole } from '@/lib/demo-users';

const HOME_BY_ROLE: Record<AppRole, string> = {
  operator: '/operator',
  supervisor: '/dispatch',
  opd: '/opd',
  leadership: '/stats',
  admin: '/admin',
};

export function homePathForRole(role: AppRole): string {
  return HOME_BY_ROLE[role];
}

export function homePathForProfile(profile: Pick<Tables<'profiles'>, 'role' | 'wall_display'>): string {
  return profile.wall_display && profile.role === 'leadership' ? '/wall' : homePathForRole(profile.role);
}
