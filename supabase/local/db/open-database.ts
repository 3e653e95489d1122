/** Opens the configured database: a Postgres server when a URL is given, else PGlite in `dataDir`. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { DataDirError, initializeDataDir, inspectDataDir, removeStaleStaging } from './pglite-data-dir.ts';
import { openPglite, type PgliteOptions } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/** `onWorkerLost`: PGlite only, told when its worker thread dies under the open database. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string } & PgliteOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const pgliteOptions: PgliteOptions = { onWorkerLost: opts.onWorkerLost };
  if (opts.dataDir === 'memory://') return openPglite(opts.dataDir, pgliteOptions);
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
    return await openPglite(opts.dataDir, pgliteOptions);
  } catch (err) {
    if (!lockedBefore) rmSync(lockFile, { force: true });
    throw new DataDirError(opts.dataDir, `cannot be opened (${err instanceof Error ? err.message : String(err)})`);
  }
}
