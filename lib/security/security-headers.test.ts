import { describe, expect, it } from 'vitest';
import { apiSources, contentSecurityPolicy, securityHeaders, tileSource, type SecurityHeaderInputs } from './security-headers';

const base: SecurityHeaderInputs = {
  nonce: 'abc123',
  supabaseUrl: 'http://127.0.0.1:54321',
  pageHostname: 'localhost',
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  https: false,
  development: false,
};

function directive(policy: string, name: string): string[] {
  const found = policy.split('; ').find((d) => d.startsWith(name + ' '));
  return found ? found.split(' ').slice(1) : [];
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the request nonce, never inline or eval in production', () => {
    const scripts = directive(contentSecurityPolicy(base), 'script-src');
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });
  it('is never framed and has no plugins', () => {
    const policy = contentSecurityPolicy(base);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
  });
  it('connects to the API on the host the page came from, over http and websocket', () => {
    expect(apiSources('http://127.0.0.1:54321', '192.168.1.20')).toEqual(['http://192.168.1.20:54321', 'ws://192.168.1.20:54321']);
    expect(apiSources('https://abc.supabase.co', 'app.cilegon.go.id')).toEqual(['https://abc.supabase.co', 'wss://abc.supabase.co']);
    expect(directive(contentSecurityPolicy(base), 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:54321', 'ws://127.0.0.1:54321']);
  });
  it('loads map tiles only from the configured tile server', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tiles.example/{z}/{x}/{y}.png')).toBe('https://*.tiles.example');
    expect(tileSource('http://tiles-{s}.local:8080/{z}/{x}/{y}.png')).toBe('http:');
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(directive(contentSecurityPolicy({ ...base, tileUrl: null }), 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});

describe('securityHeaders', () => {
  it('adds HSTS only over https', () => {
    expect(securityHeaders(base)['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })['strict-transport-security']).toMatch(/max-age=\d+/);
  });
  it('lets only this site use geolocation', () => {
    expect(securityHeaders(base)['permissions-policy']).toContain('geolocation=(self)');
  });
});
