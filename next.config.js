/**
 * Next.js configuration. ESM because package.json says "type": "module".
 * `authInterrupts` enables `forbidden()`, which requireRole uses to answer 403 for a signed-in user
 * whose role may not open a page. The build skips its own type check: `npm run typecheck` checks the
 * whole repository (app, tests, scripts) as a separate CI step, and checking twice doubles the
 * build time on small machines. `ws` stays a runtime require: its optional native add-ons do not bundle.
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['ws'],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
