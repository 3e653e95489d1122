/** Opens the configured database: a Postgres server when a URL is given, else PGlite in `dataDir`. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { DataDirError, initializeDataDir, inspectDataDir, removeStaleStaging } from './pglite-data-dir.ts';
import { openPglite } from './pglite-database.ts';
import { openPgliteInWorker, type PgliteOptions } from './pglite-worker-database.ts';
import { openPostgres } from './postgres-database.ts';

/**
 * `pgliteWorker`: PGlite on a worker thread instead of the stack's own (opt-in, see
 * supabase/local/README.md for why it is not the default); `onWorkerLost` is told when that thread dies.
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; pgliteWorker?: boolean } & PgliteOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const pgliteOptions: PgliteOptions = { onWorkerLost: opts.onWorkerLost };
  const openPgliteHere = (dir: string) => (opts.pgliteWorker ? openPgliteInWorker(dir, pgliteOptions) : openPglite(dir));
  if (opts.dataDir === 'memory://') return openPgliteHere(opts.dataDir);
  const state = inspectDataDir(opts.dataDir);
  if (state === 'not-a-database') {
    throw new DataDirError(opts.dataDir, 'is damaged or is not a database directory (it holds files but no PG_VERSION)');
  }
  if (state === 'new') {
    mkdirSync(opts.dataDir, { recursive: true });
    await initializeDataDir(opts.dataDir, async (staging) => (await openPglite(staging)).close());
  } else {
    removeStaleStaging(opts.dataDir);
  }
  // PGlite writes its lock file before it reads the cluster and leaves it when it aborts: a refused
  // directory must be left as it was found.
  const lockFile = path.join(opts.dataDir, 'postmaster.pid');
  const lockedBefore = existsSync(lockFile);
  try {
    return await openPgliteHere(opts.dataDir);
  } catch (err) {
    if (!lockedBefore) rmSync(lockFile, { force: true });
    throw new DataDirError(opts.dataDir, `cannot be opened (${err instanceof Error ? err.message : String(err)})`);
  }
}
