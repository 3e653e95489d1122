/**
 * Settings of the embedded stack, read from the environment. The key defaults are the Supabase CLI's
 * well-known local values: public knowledge, so only the test suites use them (and whoever asks with
 * STACK_KEYS=demo). `npm start` and `npm run stack` replace them with the installation's own secrets
 * (install-secrets.ts) unless told otherwise.
 */
import path from 'node:path';
import { parseMaxRequestsInFlight } from './admission.ts';

export const DEMO_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const DEMO_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const DEMO_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

export interface StackConfig {
  host: string;
  port: number;
  /** PGlite data directory; ignored when `databaseUrl` is set. `memory://` keeps nothing. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** PGlite on a worker thread (`STACK_PGLITE_WORKER=1`); off by default, see supabase/local/README.md. */
  pgliteWorker: boolean;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Access-token lifetime in seconds (supabase/auth's JWT_EXP). */
  jwtExpiry: number;
  migrationsDir: string;
  seedFile: string | undefined;
  /**
   * Browser origins allowed to call the API (CORS, and the websocket's Origin check). `'*'` allows
   * any origin without credentials, as a public API would. Requests without an Origin (servers,
   * scripts) are not affected: CORS is the browser's rule.
   */
  allowedOrigins: readonly string[] | '*';
  /** How often the retention job runs (STACK_RETENTION_INTERVAL_MS; default hourly). */
  retentionIntervalMs?: number;
  /** API requests worked on at once before more are refused with 503 (STACK_MAX_REQUESTS_IN_FLIGHT; admission.ts). */
  maxRequestsInFlight: number;
}

/** The origins of an app served on `port` of this machine under its loopback names. */
export function loopbackAppOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/** STACK_ALLOWED_ORIGINS: `*`, or a comma-separated list of origins (scheme://host[:port]). */
export function parseAllowedOrigins(value: string | undefined, fallback: readonly string[]): readonly string[] | '*' {
  if (value === undefined || value.trim() === '') return fallback;
  if (value.trim() === '*') return '*';
  return value.split(',').map((o) => {
    const origin = new URL(o.trim()).origin;
    if (origin === 'null') throw new Error(`STACK_ALLOWED_ORIGINS: ${o} is not an http(s) origin`);
    return origin;
  });
}

export function configFromEnv(env: Record<string, string | undefined> = process.env, root = process.cwd()): StackConfig {
  return {
    host: env.STACK_HOST ?? '127.0.0.1',
    port: Number(env.STACK_PORT ?? 54321),
    dataDir: env.STACK_DATA_DIR ?? path.join(root, '.data', 'pglite'),
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteWorker: env.STACK_PGLITE_WORKER === '1',
    jwtSecret: env.JWT_SECRET ?? DEMO_JWT_SECRET,
    anonKey: env.ANON_KEY ?? DEMO_ANON_KEY,
    serviceRoleKey: env.SERVICE_ROLE_KEY ?? DEMO_SERVICE_ROLE_KEY,
    jwtExpiry: Number(env.JWT_EXPIRY ?? 3600),
    migrationsDir: path.join(root, 'supabase', 'migrations'),
    seedFile: env.STACK_SEED === 'off' ? undefined : path.join(root, 'supabase', 'seed.sql'),
    allowedOrigins: parseAllowedOrigins(env.STACK_ALLOWED_ORIGINS, loopbackAppOrigins(Number(env.PORT ?? 3000))),
    retentionIntervalMs: env.STACK_RETENTION_INTERVAL_MS ? Number(env.STACK_RETENTION_INTERVAL_MS) : undefined,
    maxRequestsInFlight: parseMaxRequestsInFlight(env.STACK_MAX_REQUESTS_IN_FLIGHT),
  };
}
