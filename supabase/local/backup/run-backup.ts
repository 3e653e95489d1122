/**
 * `npm run backup` and `npm run restore`, without their command lines: which backend, which file,
 * and the check of a restore against the fingerprint taken with the backup.
 */
import { existsSync } from 'node:fs';
import type { StackConfig } from '../config.ts';
import { readFingerprintFile, writeBackupFile } from './backup-file.ts';
import { fingerprintDifferences, type DatabaseFingerprint } from './fingerprint.ts';
import { backupFromRunningStack, backupStoppedDataDir, stackAnswers } from './pglite-backup.ts';
import { backupPostgres } from './postgres-backup.ts';
import { restorePglite } from './restore-pglite.ts';
import { restorePostgres } from './restore-postgres.ts';

export interface BackupReport {
  file: string;
  how: 'pg_dump' | 'running stack' | 'stopped data directory';
  tables: number;
  rows: number;
}

function totals(f: DatabaseFingerprint): { tables: number; rows: number } {
  const tables = Object.values(f.tables);
  return { tables: tables.length, rows: tables.reduce((n, t) => n + t.rows, 0) };
}

export async function runBackup(config: StackConfig, backupDir: string, stackUrl: string, now = new Date()): Promise<BackupReport> {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const { file, fingerprint } = await writeBackupFile(backupDir, '.dump', now, (partial) => backupPostgres(url, partial));
    return { file, how: 'pg_dump', ...totals(fingerprint) };
  }
  if (config.dataDir === 'memory://') throw new Error('the stack keeps no data (STACK_DATA_DIR=memory://): nothing to back up');
  const running = await stackAnswers(stackUrl);
  const { file, fingerprint } = await writeBackupFile(backupDir, '.tar.gz', now, (partial) =>
    running ? backupFromRunningStack(stackUrl, config.serviceRoleKey, partial) : backupStoppedDataDir(config.dataDir, partial),
  );
  return { file, how: running ? 'running stack' : 'stopped data directory', ...totals(fingerprint) };
}

export interface RestoreReport {
  target: string;
  tables: number;
  rows: number;
  /** Differences from the fingerprint stored with the backup; null when the backup has none. */
  differences: string[] | null;
  fingerprint: DatabaseFingerprint;
}

export type RestoreTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; serverUrl: string; database: string };

export async function runRestore(file: string, target: RestoreTarget): Promise<RestoreReport> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const expected = readFingerprintFile(file);
  const isDump = file.endsWith('.dump');
  if (isDump !== (target.kind === 'postgres')) {
    throw new Error(isDump ? `${file} is a Postgres dump: set DATABASE_URL to the server to restore it on` : `${file} is a PGlite backup: unset DATABASE_URL to restore it`);
  }
  const restored =
    target.kind === 'pglite' ? await restorePglite(file, target.dataDir) : await restorePostgres(file, target.serverUrl, target.database);
  return {
    target: target.kind === 'pglite' ? target.dataDir : target.database,
    ...totals(restored),
    differences: expected ? fingerprintDifferences(expected, restored) : null,
    fingerprint: restored,
  };
}
