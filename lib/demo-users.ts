/**
 * Demo accounts created by the seed, one per role (and one per main agency), all with the same
 * documented password. The login page offers them for one-click sign-in in demo mode only.
 */
import type { AppRole } from './domain/workflow';

// Re-exported: the login page, the role guard and e2e take the role type from here.
export type { AppRole };

export interface DemoUser {
  email: string;
  fullName: string;
  role: AppRole;
  /** `agencies.code` of an OPD liaison. */
  agencyCode?: string;
  /** Desk phone extension of an operator, for the telephony feed's "answered at extension". */
  extension?: string;
  /** The wall display PC's account (`profiles.wall_display`): it lands on /wall. */
  wallDisplay?: boolean;
}

export const DEMO_PASSWORD = 'Cilegon112!';

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'operator1@112.cilegon.test', fullName: 'Siti Rahmawati', role: 'operator', extension: '101' },
  { email: 'operator2@112.cilegon.test', fullName: 'Andi Pratama', role: 'operator', extension: '102' },
  { email: 'supervisor1@112.cilegon.test', fullName: 'Budi Santoso', role: 'supervisor' },
  { email: 'supervisor2@112.cilegon.test', fullName: 'Dewi Lestari', role: 'supervisor' },
  { email: 'damkar@112.cilegon.test', fullName: 'Liaison DPKP (Damkar)', role: 'opd', agencyCode: 'DPKP' },
  { email: 'psc119@112.cilegon.test', fullName: 'Liaison PSC 119', role: 'opd', agencyCode: 'PSC119' },
  { email: 'rsud@112.cilegon.test', fullName: 'Liaison RSUD', role: 'opd', agencyCode: 'RSUD' },
  { email: 'polres@112.cilegon.test', fullName: 'Liaison Polres', role: 'opd', agencyCode: 'POLRES' },
  { email: 'bpbd@112.cilegon.test', fullName: 'Liaison BPBD', role: 'opd', agencyCode: 'BPBD' },
  { email: 'satpolpp@112.cilegon.test', fullName: 'Liaison Satpol PP', role: 'opd', agencyCode: 'SATPOLPP' },
  { email: 'dishub@112.cilegon.test', fullName: 'Liaison Dishub', role: 'opd', agencyCode: 'DISHUB' },
  { email: 'pimpinan@112.cilegon.test', fullName: 'Kepala Diskominfo', role: 'leadership' },
  { email: 'wall@112.cilegon.test', fullName: 'Layar Dinding Command Center', role: 'leadership', wallDisplay: true },
  { email: 'admin@112.cilegon.test', fullName: 'Administrator Sistem', role: 'admin' },
];
