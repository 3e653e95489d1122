/**
 * For the commands that start the stack (`npm run stack`, `npm start`): what they print while the
 * database is prepared, and how a start fails. A damaged data directory, or
 * a database still owed its seed started without it, is a message for the person at the console and
 * exit code 1, not a stack trace; anything else is rethrown. A database lost while running ends
 * the process with exit code 1 too.
 */
import { DataDirError } from './db/pglite-data-dir.ts';
import { SeedOwedError } from './db/seed-state.ts';

export function exitOnDataDirError(err: unknown): never {
  if (!(err instanceof DataDirError) && !(err instanceof SeedOwedError)) throw err;
  console.error(`\n${err.message}\n`);
  process.exit(1);
}

/**
 * The database died under the running stack (PGlite's worker: a WebAssembly abort, out of memory):
 * nothing it serves works any more, so the process ends with code 1 and whoever runs it (a service
 * manager, the operator) starts it again; the data directory is as after a kill.
 */
export function exitOnDatabaseLost(err: Error, beforeExit?: () => void): never {
  console.error(`\n[stack] ${err.message}. The stack stops (exit code 1); start it again.\n`);
  beforeExit?.();
  process.exit(1);
}

/** The lines a start prints while it migrates and seeds: a first start is silent for a while otherwise. */
export const consoleProgress = {
  migrating: (pending: number) => console.log(`Applying ${pending} migration${pending === 1 ? '' : 's'}...`),
  seeding: () => console.log('Loading the demo data (supabase/seed.sql)...'),
};
