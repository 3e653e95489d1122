/**
 * For the commands that start the stack (`npm run stack`, `npm start`): a damaged data directory is a
 * message for the person at the console and exit code 1, not a stack trace; anything else is rethrown.
 */
import { DataDirError } from './db/pglite-data-dir.ts';

export function exitOnDataDirError(err: unknown): never {
  if (!(err instanceof DataDirError)) throw err;
  console.error(`\n${err.message}\n`);
  process.exit(1);
}
