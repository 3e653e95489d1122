import { describe, expect, it } from 'vitest';
import { loginPathFor, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeReturnPath('/wall')).toBe('/wall');
    expect(safeReturnPath('/stats?from=2026-11-01&to=2026-11-28')).toBe('/stats?from=2026-11-01&to=2026-11-28');
  });
  it('refuses anything that could leave the site or loop back to login', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'wall', '', '/login', '/login?next=/wall', '/x\n/y', 42, null]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});

describe('loginPathFor', () => {
  it('carries the requested page to the login page', () => {
    expect(loginPathFor('/wall')).toBe('/login?next=%2Fwall');
  });
  it('sends to the plain login page when there is nothing safe to return to', () => {
    expect(loginPathFor(null)).toBe('/login');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('//evil.example')).toBe('/login');
  });
});
