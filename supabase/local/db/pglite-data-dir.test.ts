import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirError, initializeDataDir, inspectDataDir, removeStaleStaging, STAGING_DIR } from './pglite-data-dir.ts';

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

/** Stands in for initdb: writes a few files of a cluster into the staging folder. */
async function fakeInitdb(staging: string) {
  mkdirSync(path.join(staging, 'global'), { recursive: true });
  writeFileSync(path.join(staging, 'global', 'pg_control'), 'control');
  writeFileSync(path.join(staging, 'postgresql.conf'), '');
  writeFileSync(path.join(staging, 'PG_VERSION'), '17');
}

describe('initializeDataDir', () => {
  it('makes the cluster in staging and moves it up, leaving no staging folder', async () => {
    const d = dir('init-fresh');
    await initializeDataDir(d, fakeInitdb);
    expect(readdirSync(d).sort()).toEqual(['PG_VERSION', 'global', 'postgresql.conf']);
    expect(inspectDataDir(d)).toBe('database');
  });

  it('a first start killed during initdb or while moving files is new again, and starts over', async () => {
    // Killed while moving: some files are up, PG_VERSION still in staging.
    const d = dir('init-killed');
    mkdirSync(path.join(d, STAGING_DIR, 'base'), { recursive: true });
    writeFileSync(path.join(d, STAGING_DIR, 'PG_VERSION'), '17');
    writeFileSync(path.join(d, 'postgresql.conf'), 'half');
    expect(inspectDataDir(d)).toBe('new');
    await initializeDataDir(d, fakeInitdb);
    expect(readdirSync(d).sort()).toEqual(['PG_VERSION', 'global', 'postgresql.conf']);
  });

  it('never runs over a directory that holds a database or foreign files', async () => {
    await expect(initializeDataDir(dir('init-cluster', ['PG_VERSION']), fakeInitdb)).rejects.toThrow(/not new/);
    await expect(initializeDataDir(dir('init-foreign', ['notes.txt']), fakeInitdb)).rejects.toThrow(/not new/);
    expect(existsSync(path.join(base, 'init-foreign', 'notes.txt'))).toBe(true);
  });

  it('removes a staging folder left beside a complete cluster (a kill after PG_VERSION moved)', () => {
    const d = dir('init-last-step', ['PG_VERSION']);
    mkdirSync(path.join(d, STAGING_DIR));
    removeStaleStaging(d);
    expect(readdirSync(d)).toEqual(['PG_VERSION']);
    const lone = dir('init-no-cluster');
    mkdirSync(path.join(lone, STAGING_DIR));
    removeStaleStaging(lone);
    expect(readdirSync(lone)).toEqual([STAGING_DIR]);
  });
});
