import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, writeBackupFile } from './backup-file.ts';
import { fingerprintDifferences, type DatabaseFingerprint } from './fingerprint.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const empty: DatabaseFingerprint = { tables: {}, sequences: {} };

describe('backup files', () => {
  it('are named with the UTC time to the second', () => {
    expect(backupFileName(new Date('2026-12-03T13:15:00.123Z'), '.tar.gz')).toBe('cilegon-112-20261203T131500Z.tar.gz');
  });

  it('never overwrite another backup, and leave no partial file when the copy fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-file-'));
    dirs.push(dir);
    const now = new Date('2026-12-03T13:15:00Z');
    const copy = async (partial: string) => {
      writeFileSync(partial, 'dump');
      return empty;
    };
    await writeBackupFile(dir, '.dump', now, copy);
    await expect(writeBackupFile(dir, '.dump', now, copy)).rejects.toThrow(/exists already/);
    await expect(
      writeBackupFile(dir, '.dump', new Date('2026-12-03T13:16:00Z'), async (partial) => {
        writeFileSync(partial, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(dir).sort()).toEqual(['cilegon-112-20261203T131500Z.dump', 'cilegon-112-20261203T131500Z.dump.fingerprint.json']);
  });
});

describe('fingerprint differences', () => {
  const backup: DatabaseFingerprint = {
    tables: { 'public.calls': { rows: 2, md5: 'a' } },
    sequences: { 'public.s': { lastValue: '10', isCalled: true } },
  };
  it('sees a changed, missing or extra table and a sequence behind the backup', () => {
    expect(fingerprintDifferences(backup, backup)).toEqual([]);
    expect(fingerprintDifferences(backup, { ...backup, tables: { 'public.calls': { rows: 2, md5: 'b' } } })).toHaveLength(1);
    expect(fingerprintDifferences(backup, { ...backup, tables: {} })).toHaveLength(1);
    expect(fingerprintDifferences(backup, { ...backup, tables: { ...backup.tables, 'public.x': { rows: 0, md5: '' } } })).toHaveLength(1);
    expect(fingerprintDifferences(backup, { ...backup, sequences: { 'public.s': { lastValue: '9', isCalled: true } } })).toHaveLength(1);
    expect(fingerprintDifferences(backup, { ...backup, sequences: { 'public.s': { lastValue: null, isCalled: false } } })).toHaveLength(1);
  });
  it('accepts a sequence restored ahead (ids only gap)', () => {
    expect(fingerprintDifferences(backup, { ...backup, sequences: { 'public.s': { lastValue: '42', isCalled: true } } })).toEqual([]);
  });
});
