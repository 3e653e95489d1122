/**
 * Settings of the embedded stack, read from the environment. The defaults are the Supabase CLI's
 * well-known local values so that `.env.example` works against this stack and `supabase start` alike.
 */
import path from 'node:path';

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
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Access-token lifetime in seconds (supabase/auth's JWT_EXP). */
  jwtExpiry: number;
  migrationsDir: string;
  seedFile: string | undefined;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env, root = process.cwd()): StackConfig {
  return {
    host: env.STACK_HOST ?? '127.0.0.1',
    port: Number(env.STACK_PORT ?? 54321),
    dataDir: env.STACK_DATA_DIR ?? path.join(root, '.data', 'pglite'),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET ?? DEMO_JWT_SECRET,
    anonKey: env.ANON_KEY ?? DEMO_ANON_KEY,
    serviceRoleKey: env.SERVICE_ROLE_KEY ?? DEMO_SERVICE_ROLE_KEY,
    jwtExpiry: Number(env.JWT_EXPIRY ?? 3600),
    migrationsDir: path.join(root, 'supabase', 'migrations'),
    seedFile: env.STACK_SEED === 'off' ? undefined : path.join(root, 'supabase', 'seed.sql'),
  };
}
