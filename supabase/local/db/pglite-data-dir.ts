/**
 * Guards the PGlite data directory. PGlite runs initdb over any directory without a `PG_VERSION`
 * file, so a damaged `.data/pglite` (files lost, a wrong folder) would silently become a new,
 * empty database, which the stack would then fill with demo data: a center would lose its records
 * without a word. The stack refuses to start instead, and says what to do.
 *
 * A new directory is made as a whole: initdb runs in a staging folder inside it, whose files move up
 * with PG_VERSION last. A stack killed during its very first start (initdb writes for seconds) thus
 * leaves either a complete cluster or the staging marker, which the next start recognises as its own
 * unfinished work and begins again; it is never mistaken for a damaged database.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Staging folder of a new cluster, inside the data directory (so moving files out of it stays on one file system). */
export const STAGING_DIR = '.initdb-incomplete';

export type DataDirState = 'new' | 'database' | 'not-a-database';

/** `new`: absent or empty (initdb is right); `database`: holds a cluster; else `not-a-database`. */
export function inspectDataDir(dir: string): DataDirState {
  if (!existsSync(dir)) return 'new';
  if (!statSync(dir).isDirectory()) return 'not-a-database';
  const entries = readdirSync(dir);
  if (entries.length === 0) return 'new';
  if (entries.includes('PG_VERSION')) return 'database';
  // Only initializeDataDir makes the staging folder, and only in an empty directory: everything here is its.
  return entries.includes(STAGING_DIR) ? 'new' : 'not-a-database';
}

/**
 * Makes a new cluster in `dir` (absent, empty, or left by an interrupted first start): `init` runs
 * initdb in the staging folder and closes it, then the files move into `dir`, PG_VERSION last. Also
 * removes a staging folder left after PG_VERSION moved (a kill in the last step).
 */
export async function initializeDataDir(dir: string, init: (staging: string) => Promise<void>): Promise<void> {
  const staging = path.join(dir, STAGING_DIR);
  if (inspectDataDir(dir) !== 'new') throw new Error(`${dir} is not new: a cluster is only made in an empty directory`);
  // What an interrupted first start left: files of its own initdb only (the directory was empty).
  for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true, force: true });
  mkdirSync(staging);
  await init(staging);
  const files = readdirSync(staging);
  if (!files.includes('PG_VERSION')) throw new Error(`initdb in ${staging} wrote no PG_VERSION`);
  for (const entry of files) if (entry !== 'PG_VERSION') renameSync(path.join(staging, entry), path.join(dir, entry));
  renameSync(path.join(staging, 'PG_VERSION'), path.join(dir, 'PG_VERSION'));
  rmSync(staging, { recursive: true, force: true });
}

/** A staging folder beside a complete cluster: the kill came after PG_VERSION moved; it holds nothing. */
export function removeStaleStaging(dir: string): void {
  if (existsSync(path.join(dir, 'PG_VERSION'))) rmSync(path.join(dir, STAGING_DIR), { recursive: true, force: true });
}

/** A data directory the stack will not open or replace; the message is for the person at the console. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    problem: string,
  ) {
    super(
      `The database in ${path.resolve(dataDir)} ${problem}. The stack has not changed it and will not ` +
        'replace it with a new database. Restore that directory from the backup (stop the stack first), ' +
        'or move it aside to start over with an empty database.',
    );
    this.name = 'DataDirError';
  }
}
