import { describe, expect, it } from 'vitest';
import { configuredOrigin, publicLink, trustedHost } from './public-link';

const MACHINE = ['pc-112', '192.168.1.20', 'fe80::1'];

describe('configuredOrigin', () => {
  it('takes an http(s) base URL, with a base path and without a trailing slash', () => {
    expect(configuredOrigin('https://112.cilegon.go.id/')).toBe('https://112.cilegon.go.id');
    expect(configuredOrigin(' https://pemkot.example/112/ ')).toBe('https://pemkot.example/112');
    expect(configuredOrigin('http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000');
  });
  it('refuses what is not a plain base URL', () => {
    for (const bad of [undefined, '', 'cilegon.go.id', 'javascript:alert(1)', 'ftp://x.example', 'https://u:p@x.example', 'https://x.example/?a=1', 'https://x.example/#top']) {
      expect(configuredOrigin(bad)).toBeNull();
    }
  });
});

describe('trustedHost', () => {
  it('accepts loopback and the names and addresses of this machine', () => {
    expect(trustedHost('127.0.0.1:3210', MACHINE)).toBe('127.0.0.1:3210');
    expect(trustedHost('localhost:3000', MACHINE)).toBe('localhost:3000');
    expect(trustedHost('[::1]:3000', MACHINE)).toBe('[::1]:3000');
    expect(trustedHost('PC-112:3000', MACHINE)).toBe('pc-112:3000');
    expect(trustedHost('192.168.1.20', MACHINE)).toBe('192.168.1.20');
    expect(trustedHost('[fe80::1]:3000', MACHINE)).toBe('[fe80::1]:3000');
  });
  it('refuses another host, a malformed one and a bad port', () => {
    for (const bad of [null, undefined, '', 'evil.example', 'evil.example:3000', '192.168.1.21:3000', '127.0.0.1.evil.example',
      'pc-112@evil.example', 'pc-112/evil', 'pc-112:99999', 'pc-112:0', 'pc-112:', '[::2]:3000', 'pc-112 :3000']) {
      expect(trustedHost(bad, MACHINE)).toBeNull();
    }
  });
});

describe('publicLink', () => {
  it('prefers the configured base URL over the request host', () => {
    expect(publicLink('/incidents/abc', { configured: 'https://112.cilegon.go.id', host: '127.0.0.1:3000', machineNames: MACHINE }))
      .toEqual({ href: 'https://112.cilegon.go.id/incidents/abc', absolute: true });
  });
  it('uses a host of this machine over plain http without configuration', () => {
    expect(publicLink('/incidents/abc', { host: '192.168.1.20:3000', machineNames: MACHINE })).toEqual({ href: 'http://192.168.1.20:3000/incidents/abc', absolute: true });
  });
  it('stays relative for any other host', () => {
    expect(publicLink('/incidents/abc', { configured: 'not a url', host: 'evil.example', machineNames: MACHINE })).toEqual({ href: '/incidents/abc', absolute: false });
  });
});
