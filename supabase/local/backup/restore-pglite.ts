/**
 * Restores a PGlite backup (tar.gz of a data directory) into a NEW data directory, never over an
 * existing database: the directory must be absent or empty. The restored database is opened once,
 * so a damaged file is found now and not at the next start.
 */
import { openAsBlob, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { inspectDataDir } from '../db/pglite-data-dir.ts';
import { openPglite } from '../db/pglite-database.ts';
import { fingerprintDatabase, type DatabaseFingerprint } from './fingerprint.ts';

export async function restorePglite(file: string, dataDir: string): Promise<DatabaseFingerprint> {
  if (inspectDataDir(dataDir) !== 'new') {
    throw new Error(`${path.resolve(dataDir)} is not empty: a backup is only restored into a new directory (set STACK_DATA_DIR to one)`);
  }
  const archive = await openAsBlob(file, { type: 'application/gzip' });
  try {
    const loader = new PGlite({ dataDir, loadDataDir: archive, extensions: { pgcrypto, pg_trgm, pgtap } });
    await loader.waitReady;
    await loader.close();
    const db = await openPglite(dataDir);
    try {
      return await fingerprintDatabase(db);
    } finally {
      await db.close();
    }
  } catch (err) {
    // The directory was new: what is in it now is only the failed restore.
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${file} could not be restored (${err instanceof Error ? err.message : String(err)})`);
  }
}
