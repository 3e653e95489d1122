import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@/lib/demo-users';
import { homePathForRole } from './home-path';

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
});
