/**
 * The security headers of every page: a Content-Security-Policy with a per-request script nonce
 * (Next.js puts it on its own scripts when it finds it in the request's CSP header), and the
 * headers that keep the app out of frames, keep referrers and sniffing off and scope the browser
 * features it uses. Built per request because the API's address depends on the host the page was
 * loaded from (a wall PC reaches the stack by the server's LAN address, not by loopback).
 */
import { resolveBrowserSupabaseUrl } from '@/lib/supabase/runtime-url';
import { STATIC_SECURITY_HEADERS } from './static-headers';

export interface SecurityHeaderInputs {
  nonce: string;
  /** The Supabase URL the server is configured with. */
  supabaseUrl: string;
  /** The host name the browser loaded this page from. */
  pageHostname: string;
  /** The map's tile URL template, or null when tiles are off. */
  tileUrl: string | null;
  /** Served over https (directly or behind a TLS proxy): adds HSTS and upgrades mixed content. */
  https: boolean;
  /** `next dev` evaluates code with eval() for fast refresh; a production build never does. */
  development: boolean;
}

/** The origin a Leaflet tile template loads from, as a CSP source: `{s}.` subdomains become `*.`. */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) return null;
  const [, scheme, host] = match;
  const wildcarded = host.replace(/^\{[a-z]\}\./i, '*.');
  // A placeholder anywhere else in the host cannot be said in CSP: allow the scheme's images.
  if (/[{}]/.test(wildcarded)) return `${scheme.toLowerCase()}:`;
  return `${scheme.toLowerCase()}://${wildcarded.toLowerCase()}`;
}

export function apiSources(supabaseUrl: string, pageHostname: string): string[] {
  const api = new URL(resolveBrowserSupabaseUrl(supabaseUrl, pageHostname));
  const ws = api.protocol === 'https:' ? 'wss:' : 'ws:';
  return [api.origin, `${ws}//${api.host}`];
}

export function contentSecurityPolicy(inputs: SecurityHeaderInputs): string {
  const tiles = inputs.tileUrl ? tileSource(inputs.tileUrl) : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic': the chunks Next's nonced loader adds are trusted; nothing else runs.
    'script-src': ["'self'", `'nonce-${inputs.nonce}'`, "'strict-dynamic'", ...(inputs.development ? ["'unsafe-eval'"] : [])],
    // Leaflet positions tiles and markers with inline styles, React writes style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...apiSources(inputs.supabaseUrl, inputs.pageHostname)],
    'media-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // The wall is opened directly on its PC, never inside another page.
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (inputs.https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

export function securityHeaders(inputs: SecurityHeaderInputs): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(inputs),
    ...STATIC_SECURITY_HEADERS,
    // Geolocation for the liaison's phone (navigation, location sharing); nothing else.
    'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
    ...(inputs.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
