/**
 * Next.js configuration. ESM because package.json says "type": "module".
 * `authInterrupts` enables `forbidden()`, which requireRole uses to answer 403 for a signed-in user
 * whose role may not open a page. A production build type-checks the app itself, so `next build`
 * alone never ships code that does not compile (`npm run typecheck` also checks tests and scripts).
 * `ws` stays a runtime require: its optional native add-ons do not bundle.
 */
/**
 * Static files get the headers that need no request: pages get these too, plus a per-request CSP,
 * from proxy.ts.
 */
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders }];
  },
  reactStrictMode: true,
  serverExternalPackages: ['ws'],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
