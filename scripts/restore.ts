/**
 * `npm run restore FILE [-- --database NAME]`: restores a backup of `npm run backup` into a NEW place
 * and checks it against the fingerprint taken with it. PGlite (.tar.gz): into STACK_DATA_DIR, which
 * must not exist or be empty. Postgres (.dump): into database NAME on the server of DATABASE_URL,
 * created if absent, refused if it holds anything.
 */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../supabase/local/config.ts';
import { runRestore, type RestoreTarget } from '../supabase/local/backup/run-backup.ts';

const USAGE = 'usage: npm run restore FILE                      (PGlite: into STACK_DATA_DIR, new or empty)\n' +
  '       npm run restore FILE -- --database NAME   (Postgres: DATABASE_URL names the server)';

let file: string;
let database: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { database: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error('give exactly one backup file');
  file = positionals[0];
  database = values.database;
} catch (err) {
  console.error(`restore: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}

const config = configFromEnv();
let target: RestoreTarget;
if (config.databaseUrl) {
  if (!database) {
    console.error(`restore: a Postgres backup needs --database NAME (a new database)\n${USAGE}`);
    process.exit(2);
  }
  target = { kind: 'postgres', serverUrl: config.databaseUrl, database };
} else {
  if (!process.env.STACK_DATA_DIR) {
    console.error(`restore: set STACK_DATA_DIR to the new data directory to restore into\n${USAGE}`);
    process.exit(2);
  }
  target = { kind: 'pglite', dataDir: config.dataDir };
}

try {
  const report = await runRestore(file, target);
  console.log(`restore: ${file} → ${report.target}\n  ${report.tables} tables, ${report.rows} rows`);
  if (report.differences === null) {
    console.log('  no fingerprint beside the file: the restore could not be checked against the backup');
  } else if (report.differences.length > 0) {
    console.error(`  DIFFERS from the backup's fingerprint:\n    ${report.differences.join('\n    ')}`);
    process.exit(1);
  } else {
    console.log("  every table and sequence equals the backup's fingerprint");
  }
} catch (err) {
  console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
