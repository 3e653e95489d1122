import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './auth-settings.ts';
import { clientAddress, normalizeAddress } from './client-address.ts';

function req(remoteAddress: string, forwarded?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the socket peer unless the peer is a trusted proxy', () => {
    const none = parseTrustedProxies('');
    expect(clientAddress(req('10.0.0.7', '203.0.113.9'), none)).toBe('10.0.0.7');
    expect(clientAddress(req('::ffff:10.0.0.7'), none)).toBe('10.0.0.7');
    const proxy = parseTrustedProxies('127.0.0.1, ::1');
    expect(clientAddress(req('10.0.0.7', '203.0.113.9'), proxy)).toBe('10.0.0.7');
    expect(clientAddress(req('::ffff:127.0.0.1', '203.0.113.9'), proxy)).toBe('203.0.113.9');
    expect(clientAddress(req('::1'), proxy)).toBe('::1');
  });

  it('reads X-Forwarded-For from the right, past trusted hops, never trusting what the client wrote first', () => {
    const proxies = parseTrustedProxies('127.0.0.1,10.0.0.2');
    // The client wrote "1.1.1.1" itself; the proxies appended the address they saw.
    expect(clientAddress(req('127.0.0.1', '1.1.1.1, 198.51.100.4, 10.0.0.2'), proxies)).toBe('198.51.100.4');
    expect(clientAddress(req('127.0.0.1', ['1.1.1.1', '198.51.100.4']), proxies)).toBe('198.51.100.4');
    expect(clientAddress(req('127.0.0.1', 'not-an-ip'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', '198.51.100.4, garbage'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', '10.0.0.2'), proxies)).toBe('10.0.0.2');
  });

  it('normalizes addresses and refuses a trusted proxy that is not an address', () => {
    expect(normalizeAddress(' ::FFFF:192.0.2.1 ')).toBe('192.0.2.1');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(() => parseTrustedProxies('localhost')).toThrow(/IP addresses/);
  });
});
