/**
 * The security headers that need nothing from the request. next.config.ts sends them with every
 * static file; proxy.ts sends them with every page, together with the per-request CSP.
 * No path alias here: next.config.ts imports this file before the aliases exist.
 */
export const STATIC_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
} as const;
