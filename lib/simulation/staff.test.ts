import { describe, expect, it } from 'vitest';
import { isSimEmail, liaisonAgencies, simAccounts } from './staff';
import { DEMO_USERS } from '../demo-users';
import type { StaffAgency } from './staff';
import type { RunCard } from '../domain/dispatch-agencies';

const AGENCIES: StaffAgency[] = [
  { id: 'a-dpkp', code: 'DPKP', kind: 'fire' },
  { id: 'a-psc', code: 'PSC119', kind: 'medical' },
  { id: 'a-rsud', code: 'RSUD', kind: 'medical' },
  { id: 'a-pol', code: 'POLRES', kind: 'police' },
  { id: 'a-bpbd', code: 'BPBD', kind: 'disaster' },
  { id: 'a-pp', code: 'SATPOLPP', kind: 'public_order' },
  { id: 'a-dishub', code: 'DISHUB', kind: 'transport' },
];

// Lead kinds first in card order, then supporting kinds: transport only supports here.
const CARDS: RunCard[] = [
  { category: 'fire', lead_kinds: ['fire'], support_kinds: ['medical'] },
  { category: 'traffic_accident', lead_kinds: ['police', 'medical'], support_kinds: ['transport'] },
  { category: 'flood', lead_kinds: ['disaster'], support_kinds: ['public_order'] },
];

describe('simulation accounts', () => {
  it('are named sim-…, never a demo account, with extensions from 201', () => {
    const list = simAccounts({ operators: 20, supervisors: 5, liaisons: 30 }, AGENCIES, CARDS);
    expect(list).toHaveLength(55);
    expect(list.every((a) => isSimEmail(a.email))).toBe(true);
    expect(DEMO_USERS.some((u) => isSimEmail(u.email))).toBe(false);
    expect(new Set(list.map((a) => a.email)).size).toBe(55);
    expect(list.filter((a) => a.role === 'operator').map((a) => a.extension)).toEqual(Array.from({ length: 20 }, (_, i) => String(201 + i)));
    expect(list.filter((a) => a.role === 'opd').every((a) => a.agencyId && !a.extension)).toBe(true);
    expect(list[6].email).toBe('sim-operator-07@112.cilegon.test');
  });

  it('staff every kind the run cards call for before a second liaison of any agency', () => {
    const first6 = liaisonAgencies(6, AGENCIES, CARDS).map((a) => a.kind);
    expect(first6).toEqual(['fire', 'police', 'medical', 'disaster', 'transport', 'public_order']);
    const all = liaisonAgencies(30, AGENCIES, CARDS);
    expect(new Set(all.map((a) => a.id)).size).toBe(AGENCIES.length);
  });
});
