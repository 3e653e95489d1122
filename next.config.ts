/**
 * Next.js configuration.
 * `authInterrupts` enables `forbidden()`, which requireRole uses to answer 403 for a signed-in user
 * whose role may not open a page. A production build type-checks the app itself, so `next build`
 * alone never ships code that does not compile (`npm run typecheck` also checks tests and scripts).
 * `ws` stays a runtime require: its optional native add-ons do not bundle.
 */
import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/static-headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Static files get the headers that need no request; pages get them from proxy.ts with the CSP.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  reactStrictMode: true,
  serverExternalPackages: ['ws'],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
