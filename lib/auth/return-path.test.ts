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
  it('refuses paths that a browser resolves to another host (dot segments, %2e, backslashes)', () => {
    for (const bad of ['/.//evil.example/phish', '/a/..//evil.example', '/%2e//evil.example', '/./\\evil.example', '/.\\/evil.example', '/%2E%2E//evil.example', '/a/../../\\evil.example', '/./login', '/wall/../login?next=/x']) {
      expect(safeReturnPath(bad), bad).toBeNull();
    }
  });
  it('returns the resolved path, not the request text', () => {
    expect(safeReturnPath('/dispatch/./../wall')).toBe('/wall');
    expect(safeReturnPath('/opd/%2e/inbox?x=1#top')).toBe('/opd/inbox?x=1#top');
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
