/**
 * Where a backup is written: `<dir>/cilegon-112-<UTC timestamp><ext>` and its fingerprint beside
 * it. A file is first written as `.partial`, then linked to its final name, which fails if that
 * name exists: a backup never overwrites another, and a half-written one never has a final name.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseFingerprint } from './fingerprint.ts';

export type BackupExt = '.tar.gz' | '.dump';

export function backupFileName(now: Date, ext: BackupExt): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `cilegon-112-${stamp}${ext}`;
}

export function fingerprintFileOf(backupFile: string): string {
  return `${backupFile}.fingerprint.json`;
}

/** Runs `write(partialPath)`, then gives the result its final name; removes the partial on failure. */
export async function writeBackupFile(
  dir: string,
  ext: BackupExt,
  now: Date,
  write: (partialPath: string) => Promise<DatabaseFingerprint>,
): Promise<{ file: string; fingerprint: DatabaseFingerprint }> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(now, ext));
  const partial = `${file}.partial`;
  if (existsSync(file) || existsSync(partial)) throw new Error(`${file} exists already; a backup never overwrites another`);
  try {
    const fingerprint = await write(partial);
    linkSync(partial, file);
    writeFileSync(fingerprintFileOf(file), JSON.stringify(fingerprint, null, 1) + '\n', { flag: 'wx' });
    return { file, fingerprint };
  } finally {
    rmSync(partial, { force: true });
  }
}

const fingerprintSchema = z.object({
  tables: z.record(z.string(), z.object({ rows: z.number().int().min(0), md5: z.string() })),
  sequences: z.record(z.string(), z.object({ lastValue: z.string().nullable(), isCalled: z.boolean() })),
});

/** The fingerprint stored beside `backupFile`, or null when there is none. */
export function readFingerprintFile(backupFile: string): DatabaseFingerprint | null {
  const file = fingerprintFileOf(backupFile);
  if (!existsSync(file)) return null;
  const parsed = fingerprintSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a backup fingerprint`);
  return parsed.data;
}
