/**
 * The simulation's own accounts: clearly named (`sim-operator-07@112.cilegon.test`), never a demo
 * account, operators with desk extensions from 201 (the demo seed uses 101 and 102), liaisons spread
 * over the agencies so that the kinds the run cards call for most are staffed first.
 */
import type { AppRole } from '../domain/workflow';
import type { AgencyKind, RunCard } from '../domain/dispatch-agencies';

export type SimRole = Extract<AppRole, 'operator' | 'supervisor' | 'opd'>;

export interface SimAccount {
  email: string;
  fullName: string;
  role: SimRole;
  /** Operators only. */
  extension: string | null;
  /** OPD liaisons only: the agency's id. */
  agencyId: string | null;
}

export const SIM_EMAIL_DOMAIN = '112.cilegon.test';
export const FIRST_SIM_EXTENSION = 201;

const ROLE_NAME: Record<SimRole, { slug: string; title: string }> = {
  operator: { slug: 'operator', title: 'Operator Simulasi' },
  supervisor: { slug: 'supervisor', title: 'Supervisor Simulasi' },
  opd: { slug: 'opd', title: 'Liaison Simulasi' },
};

/** True for an address this module makes, and only for those: the simulator touches no other account. */
export function isSimEmail(email: string): boolean {
  return /^sim-(operator|supervisor|opd)-\d{2,}@112\.cilegon\.test$/.test(email);
}

function account(role: SimRole, n: number, extra: Pick<SimAccount, 'extension' | 'agencyId'>, suffix = ''): SimAccount {
  const num = String(n).padStart(2, '0');
  const { slug, title } = ROLE_NAME[role];
  return { email: `sim-${slug}-${num}@${SIM_EMAIL_DOMAIN}`, fullName: `${title} ${num}${suffix}`, role, ...extra };
}

export interface StaffAgency {
  id: string;
  code: string;
  kind: AgencyKind;
}

/** Agency kinds in the order the run cards need them: every card's lead kinds, then their supporting kinds. */
function kindsByNeed(cards: readonly RunCard[]): AgencyKind[] {
  const order: AgencyKind[] = [];
  for (const kinds of [cards.flatMap((c) => c.lead_kinds), cards.flatMap((c) => c.support_kinds)]) {
    for (const kind of kinds) if (!order.includes(kind)) order.push(kind);
  }
  return order;
}

/**
 * Liaison i's agency: first one agency of each needed kind (so every category can be dispatched as
 * soon as there are that many liaisons), then the other agencies, then round-robin over all.
 */
export function liaisonAgencies(count: number, agencies: readonly StaffAgency[], cards: readonly RunCard[]): StaffAgency[] {
  const sorted = [...agencies].sort((a, b) => a.code.localeCompare(b.code));
  const first: StaffAgency[] = [];
  for (const kind of kindsByNeed(cards)) {
    const a = sorted.find((x) => x.kind === kind && !first.includes(x));
    if (a) first.push(a);
  }
  const order = [...first, ...sorted.filter((a) => !first.includes(a))];
  if (order.length === 0) return [];
  return Array.from({ length: count }, (_, i) => order[i % order.length]);
}

export function simAccounts(
  counts: { operators: number; supervisors: number; liaisons: number },
  agencies: readonly StaffAgency[],
  cards: readonly RunCard[],
): SimAccount[] {
  const list: SimAccount[] = [];
  for (let i = 1; i <= counts.operators; i++) {
    list.push(account('operator', i, { extension: String(FIRST_SIM_EXTENSION + i - 1), agencyId: null }));
  }
  for (let i = 1; i <= counts.supervisors; i++) list.push(account('supervisor', i, { extension: null, agencyId: null }));
  liaisonAgencies(counts.liaisons, agencies, cards).forEach((agency, i) => {
    list.push(account('opd', i + 1, { extension: null, agencyId: agency.id }, ` (${agency.code})`));
  });
  return list;
}
