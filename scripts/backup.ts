/**
 * `npm run backup`: a consistent copy of the center's database in BACKUP_DIR (default ./backups),
 * named with the UTC time, with its fingerprint beside it. PGlite: asked of the running stack
 * (STACK_PORT), or copied from STACK_DATA_DIR when the stack is stopped. Postgres (DATABASE_URL):
 * pg_dump -Fc. The installation's keys (.data/secrets.json) are not in the copy: keep them too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configFromEnv } from '../supabase/local/config.ts';
import { installSecretsFile, withInstallSecrets } from '../supabase/local/install-secrets.ts';
import { runBackup } from '../supabase/local/backup/run-backup.ts';

const root = process.cwd();
let config = configFromEnv(process.env, root);
// Only read the installation's keys: a backup never creates them.
if (existsSync(installSecretsFile(root, process.env))) config = (await withInstallSecrets(config, root)).config;
if (process.env.SUPABASE_SERVICE_ROLE_KEY) config = { ...config, serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY };
const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const backupDir = path.resolve(root, process.env.BACKUP_DIR || 'backups');

try {
  const started = performance.now();
  const report = await runBackup(config, backupDir, `http://${host}:${config.port}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`backup: ${report.file}\n  from ${report.how}, ${report.tables} tables, ${report.rows} rows, ${seconds} s`);
} catch (err) {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
