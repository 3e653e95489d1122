/**
 * Who uses "find an incident" (issue #17) and who may search by the caller's number: the roles
 * whose calls policies let them read caller numbers (DESIGN.md §2: leadership reads incidents
 * without caller data; admins read no incident). The database enforces both; this decides what
 * the screens offer.
 */
import type { AppRole } from './workflow';

export const FIND_ROLES = ['operator', 'supervisor', 'leadership', 'opd'] as const satisfies readonly AppRole[];

export function findsIncidents(role: AppRole): boolean {
  return FIND_ROLES.some((r) => r === role);
}

export function readsCallerPhones(role: AppRole): boolean {
  return role === 'operator' || role === 'supervisor' || role === 'opd';
}

/**
 * The printed Laporan Kondisi Gawat Darurat and its official form with letterhead are the
 * supervisor's (app/incidents/[id]/report, …/official): admins read no incident, leadership and
 * agencies no caller data of every call.
 */
export function readsPrintedReport(role: AppRole): boolean {
  return role === 'supervisor';
}
