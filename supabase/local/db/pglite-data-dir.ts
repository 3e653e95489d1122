/**
 * Guards the PGlite data directory. PGlite runs initdb over any directory without a `PG_VERSION`
 * file, so a damaged `.data/pglite` (files lost, a wrong folder) would silently become a new,
 * empty database, which the stack would then fill with demo data: a center would lose its records
 * without a word. The stack refuses to start instead, and says what to do.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type DataDirState = 'new' | 'database' | 'not-a-database';

/** `new`: absent or empty (initdb is right); `database`: holds a cluster; else `not-a-database`. */
export function inspectDataDir(dir: string): DataDirState {
  if (!existsSync(dir)) return 'new';
  if (!statSync(dir).isDirectory()) return 'not-a-database';
  const entries = readdirSync(dir);
  if (entries.length === 0) return 'new';
  return entries.includes('PG_VERSION') ? 'database' : 'not-a-database';
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
