/**
 * Starts the embedded stack for a test file, on PGlite in memory or on a fresh database of the
 * Postgres server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import pg from 'pg';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { configFromEnv, DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { startStack, type RunningStack } from '../../supabase/local/server.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; the Postgres server too when TEST_DATABASE_URL is set. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestStack extends RunningStack {
  backend: Backend;
  databaseUrl?: string;
  anonClient(): SupabaseClient;
  serviceClient(): SupabaseClient;
}

export interface TestStackOptions {
  backend: Backend;
  /** Folder of migrations; defaults to the app's `supabase/migrations`. */
  migrationsDir?: string;
  /** Seed file, or none. */
  seedFile?: string;
  /** PGlite data directory; defaults to memory. */
  dataDir?: string;
  /** Reuse this Postgres database instead of creating one. */
  databaseUrl?: string;
  /** The stack's bound on requests in flight (supabase/local/admission.ts); the default otherwise. */
  maxRequestsInFlight?: number;
}

/** A new database on the server of `base` (TEST_DATABASE_URL unless given), dropped by `drop()`. */
export async function createTestDatabase(
  base = process.env.TEST_DATABASE_URL,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `cilegon_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestStack(opts: TestStackOptions): Promise<TestStack & { drop(): Promise<void> }> {
  let dropDb = async () => {};
  let databaseUrl = opts.databaseUrl;
  if (opts.backend === 'postgres' && !databaseUrl) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const config = {
    ...configFromEnv({}),
    port: 0,
    dataDir: opts.dataDir ?? 'memory://',
    databaseUrl: opts.backend === 'postgres' ? databaseUrl : undefined,
    migrationsDir: opts.migrationsDir ?? configFromEnv({}).migrationsDir,
    seedFile: opts.seedFile,
    maxRequestsInFlight: opts.maxRequestsInFlight ?? configFromEnv({}).maxRequestsInFlight,
  };
  const stack = await startStack(config);
  const clientOptions = {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NodeRealtimeTransport },
  };
  return {
    ...stack,
    backend: opts.backend,
    databaseUrl,
    anonClient: () => createClient(stack.url, DEMO_ANON_KEY, clientOptions),
    serviceClient: () => createClient(stack.url, DEMO_SERVICE_ROLE_KEY, clientOptions),
    async drop() {
      await stack.close();
      await dropDb();
    },
  };
}
