import { describe, expect, it } from 'vitest';
import { isSimEmail, liaisonAgencies, simAccounts } from './staff';
import { DEMO_USERS } from '../demo-users';
import type { StaffAgency } from './staff';

const AGENCIES: StaffAgency[] = [
  { id: 'a-dpkp', code: 'DPKP', kind: 'fire' },
  { id: 'a-psc', code: 'PSC119', kind: 'medical' },
  { id: 'a-rsud', code: 'RSUD', kind: 'medical' },
  { id: 'a-pol', code: 'POLRES', kind: 'police' },
  { id: 'a-bpbd', code: 'BPBD', kind: 'disaster' },
  { id: 'a-pp', code: 'SATPOLPP', kind: 'public_order' },
  { id: 'a-dishub', code: 'DISHUB', kind: 'transport' },
];

describe('simulation accounts', () => {
  it('are named sim-…, never a demo account, with extensions from 201', () => {
    const list = simAccounts({ operators: 20, supervisors: 5, liaisons: 30 }, AGENCIES);
    expect(list).toHaveLength(55);
    expect(list.every((a) => isSimEmail(a.email))).toBe(true);
    expect(DEMO_USERS.some((u) => isSimEmail(u.email))).toBe(false);
    expect(new Set(list.map((a) => a.email)).size).toBe(55);
    expect(list.filter((a) => a.role === 'operator').map((a) => a.extension)).toEqual(Array.from({ length: 20 }, (_, i) => String(201 + i)));
    expect(list.filter((a) => a.role === 'opd').every((a) => a.agencyId && !a.extension)).toBe(true);
    expect(list[6].email).toBe('sim-operator-07@112.cilegon.test');
  });

  it('staff every kind the run cards call for before a second liaison of any agency', () => {
    const first5 = liaisonAgencies(5, AGENCIES).map((a) => a.kind);
    expect(new Set(first5)).toEqual(new Set(['fire', 'medical', 'police', 'disaster', 'public_order']));
    const all = liaisonAgencies(30, AGENCIES);
    expect(new Set(all.map((a) => a.id)).size).toBe(AGENCIES.length);
  });
});
