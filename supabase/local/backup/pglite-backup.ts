/**
 * Backup of the PGlite database. While the stack runs, only the stack may touch its data
 * directory, so it is asked for the copy (GET /admin/v1/backup); when it is stopped, the directory
 * is opened here and copied the same way.
 */
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { openDatabase } from '../db/open-database.ts';
import { inspectDataDir } from '../db/pglite-data-dir.ts';
import { BACKUP_FINGERPRINT_HEADER } from './backup-api.ts';
import type { DatabaseFingerprint } from './fingerprint.ts';
import { fingerprintDatabase } from './fingerprint.ts';

/** A copy of a busy database must not hang a cron job for ever. */
export const BACKUP_TIMEOUT_MS = 15 * 60_000;

/** True when a stack answers `/health` at `stackUrl`. */
export async function stackAnswers(stackUrl: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/health', stackUrl), { signal: AbortSignal.timeout(3_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function parseFingerprintHeader(value: string | null): DatabaseFingerprint {
  if (!value) throw new Error(`the stack sent no ${BACKUP_FINGERPRINT_HEADER}`);
  return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as DatabaseFingerprint;
}

export async function backupFromRunningStack(stackUrl: string, serviceRoleKey: string, target: string): Promise<DatabaseFingerprint> {
  const res = await fetch(new URL('/admin/v1/backup', stackUrl), {
    headers: { authorization: `Bearer ${serviceRoleKey}` },
    signal: AbortSignal.timeout(BACKUP_TIMEOUT_MS),
  });
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    throw new Error(`the stack at ${stackUrl} refused the backup (${res.status}): ${text.slice(0, 300)}`);
  }
  const fingerprint = parseFingerprintHeader(res.headers.get(BACKUP_FINGERPRINT_HEADER));
  await pipeline(Readable.fromWeb(res.body as NodeReadableStream), createWriteStream(target, { flags: 'wx' }));
  return fingerprint;
}

export async function backupStoppedDataDir(dataDir: string, target: string): Promise<DatabaseFingerprint> {
  if (inspectDataDir(dataDir) !== 'database') throw new Error(`${path.resolve(dataDir)} holds no database to back up`);
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    throw new Error(
      `${path.resolve(dataDir)} is in use, or its stack stopped without closing it (postmaster.pid). Start the ` +
        'stack and run the backup again: it then asks the stack for the copy.',
    );
  }
  const db = await openDatabase({ dataDir });
  try {
    const dump = db.dumpConsistent?.bind(db);
    if (!dump) throw new Error('this database cannot be copied as a PGlite directory');
    const { archive, inspected } = await dump((tx) => fingerprintDatabase(tx));
    await pipeline(Readable.fromWeb(archive.stream() as NodeReadableStream), createWriteStream(target, { flags: 'wx' }));
    return inspected;
  } finally {
    await db.close();
  }
}
