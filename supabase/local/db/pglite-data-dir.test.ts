import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirError, inspectDataDir } from './pglite-data-dir.ts';

const base = mkdtempSync(path.join(os.tmpdir(), 'cilegon-inspect-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function dir(name: string, files: string[] = []): string {
  const d = path.join(base, name);
  mkdirSync(d, { recursive: true });
  for (const f of files) writeFileSync(path.join(d, f), '');
  return d;
}

describe('inspectDataDir', () => {
  it('an absent or empty directory is new: PGlite makes the database there', () => {
    expect(inspectDataDir(path.join(base, 'absent'))).toBe('new');
    expect(inspectDataDir(dir('empty'))).toBe('new');
  });

  it('a directory with PG_VERSION holds a database', () => {
    expect(inspectDataDir(dir('cluster', ['PG_VERSION', 'postgresql.conf']))).toBe('database');
  });

  it('files without PG_VERSION, or a file in its place, are not a database', () => {
    expect(inspectDataDir(dir('damaged', ['postgresql.conf']))).toBe('not-a-database');
    writeFileSync(path.join(base, 'plain-file'), 'x');
    expect(inspectDataDir(path.join(base, 'plain-file'))).toBe('not-a-database');
  });

  it('the refusal names the directory and what to do', () => {
    const err = new DataDirError('/srv/112/.data/pglite', 'cannot be opened (boom)');
    expect(err.message).toContain('/srv/112/.data/pglite cannot be opened (boom)');
    expect(err.message).toContain('will not replace it');
    expect(err.message).toContain('Restore that directory from the backup');
  });
});
