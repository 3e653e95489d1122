/**
 * The address a request comes from, as the rate limits and the session records see it. By default
 * the socket's peer: `X-Forwarded-For` is written by whoever sends the request, so believing it
 * would let an attacker pick a fresh address for every guess. Only when the peer is a configured
 * proxy is the header read, from the right (what the nearest proxy appended) leftwards, skipping
 * the trusted proxies themselves.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) is `10.0.0.5`; anything else unchanged. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  let address = normalizeAddress(req.socket.remoteAddress ?? '');
  if (!trustedProxies.has(address)) return address;
  const header = req.headers['x-forwarded-for'];
  // Several X-Forwarded-For headers are one list, in order (RFC 7230 §3.2.2).
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed entry ends what can be believed: the last good address stands.
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trustedProxies.has(hop)) break;
  }
  return address;
}
