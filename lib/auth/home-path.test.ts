import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@/lib/demo-users';
import { homePathForProfile, homePathForRole } from './home-path';

describe('homePathForRole', () => {
  it('sends each role to its own area', () => {
    expect(homePathForRole('operator')).toBe('/operator');
    expect(homePathForRole('supervisor')).toBe('/dispatch');
    expect(homePathForRole('opd')).toBe('/opd');
    expect(homePathForRole('leadership')).toBe('/stats');
    expect(homePathForRole('admin')).toBe('/admin');
  });

  it('has an area for every demo account', () => {
    for (const user of DEMO_USERS) expect(homePathForRole(user.role), user.email).toMatch(/^\/[a-z]+$/);
  });

  it('sends the wall display account to /wall by its profile, not by its address', () => {
    expect(homePathForProfile({ role: 'leadership', wall_display: true })).toBe('/wall');
    expect(homePathForProfile({ role: 'leadership', wall_display: false })).toBe('/stats');
    expect(homePathForProfile({ role: 'supervisor', wall_display: true })).toBe('/dispatch');
    expect(DEMO_USERS.filter((u) => u.wallDisplay).map((u) => u.email)).toEqual(['wall@112.cilegon.test']);
  });
});
