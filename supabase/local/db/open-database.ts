/** Opens the configured database: a Postgres server when a URL is given, else PGlite in `dataDir`. */
import { mkdirSync } from 'node:fs';
import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.dataDir !== 'memory://') mkdirSync(opts.dataDir, { recursive: true });
  return openPglite(opts.dataDir);
}
