/** The area each role lands on after signing in. Leadership includes the wall account: /stats links to /wall. */
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
