/**
 * Fault (#19): a first start stopped before its seed committed (SIGKILLed during the migrations, or
 * the seed itself failing) must not leave a database that serves without its demo data. The next
 * start finishes the migrations and seeds, once; a database made with STACK_SEED=off never gets the
 * demo data later; a database still owed its seed refuses a start without the seed file, saying why.
 * The seed's record is supabase/local/db/seed-state.ts.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { applyMigrations, migrate, preparePlatform } from '../../supabase/local/db/migrate.ts';
import { openDatabase } from '../../supabase/local/db/open-database.ts';
import { readSeedState } from '../../supabase/local/db/seed-state.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { freePort, killHard, ready, spawnStack, type StackProcess } from '../support/stack-process.ts';
import { backends, createTestDatabase, type Backend } from '../support/test-stack.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const migrationsDir = path.join(root, 'supabase', 'migrations');
const seedFile = path.join(root, 'supabase', 'seed.sql');
const migrationCount = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).length;
/** Agencies in the seed (supabase/seed.sql): counted to tell "seeded once" from "twice" or "never". */
const SEEDED_AGENCIES = (/insert into public\.agencies[^;]*;/.exec(readFileSync(seedFile, 'utf8'))?.[0].match(/^\s+\('/gm) ?? []).length;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new, empty place for a database of `backend`: a PGlite directory or a Postgres database. */
async function newStorage(backend: Backend): Promise<{ dataDir?: string; databaseUrl?: string; open(): Promise<Database> }> {
  if (backend === 'pglite') {
    const dataDir = path.join(tempDir('cilegon-seed-'), 'pglite');
    return { dataDir, open: () => openDatabase({ dataDir }) };
  }
  const db = await createTestDatabase();
  cleanups.push(db.drop);
  return { databaseUrl: db.url, open: () => openDatabase({ databaseUrl: db.url, dataDir: 'memory://' }) };
}

async function startStack(where: { dataDir?: string; databaseUrl?: string }, seed: boolean): Promise<StackProcess> {
  const stack = spawnStack({ port: await freePort(), seed, ...where });
  cleanups.push(async () => {
    if (stack.child.exitCode === null && stack.child.signalCode === null) stack.child.kill('SIGKILL');
  });
  await ready(stack);
  return stack;
}

async function stop(stack: StackProcess): Promise<void> {
  stack.child.kill('SIGTERM');
  expect((await stack.exited).code).toBe(0);
}

/** What a start left: migrations applied, agencies, and the seed's record. */
async function inspect(stack: StackProcess): Promise<{ agencies: number }> {
  const client = createClient(stack.url, DEMO_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
  const { count, error } = await client.from('agencies').select('id', { count: 'exact', head: true });
  if (error) throw new Error(error.message);
  return { agencies: count ?? 0 };
}

async function agencies(db: Database): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from public.agencies')).rows[0].n;
}

/** The first `n` migrations only: a first start that got that far. */
function firstMigrations(n: number): string {
  const dir = tempDir('cilegon-migrations-');
  for (const f of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort().slice(0, n)) {
    copyFileSync(path.join(migrationsDir, f), path.join(dir, f));
  }
  return dir;
}

describe.each(backends)('first start stopped before its seed on %s', (backend) => {
  it('stopped after some migrations (as a SIGKILL leaves it): the next start applies the rest and seeds once', { timeout: 600_000 }, async () => {
    expect(SEEDED_AGENCIES).toBeGreaterThan(0);
    const where = await newStorage(backend);
    const db = await where.open();
    // What the first start committed before it died: the baseline (with its record) and some migrations.
    await preparePlatform(db, { seedWanted: true });
    expect(await applyMigrations(db, firstMigrations(5))).toHaveLength(5);
    expect(await readSeedState(db)).toBe('pending');
    await db.close();

    const second = await startStack(where, true);
    expect(await inspect(second)).toEqual({ agencies: SEEDED_AGENCIES });
    await stop(second);
    // A later start finds the record 'seeded': nothing runs twice.
    const after = await where.open();
    expect(await readSeedState(after)).toBe('seeded');
    expect(await migrate(after, migrationsDir, seedFile)).toEqual({ applied: [], seeded: false });
    expect(await agencies(after)).toBe(SEEDED_AGENCIES);
    expect((await after.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations')).rows[0].n).toBe(migrationCount);
    await after.close();
  });

  it('a seed that fails half-way commits nothing; the next start seeds once', { timeout: 600_000 }, async () => {
    const where = await newStorage(backend);
    const failing = path.join(tempDir('cilegon-seedfile-'), 'seed.sql');
    // The real seed, then an error: everything before it must roll back with it.
    writeFileSync(failing, `${readFileSync(seedFile, 'utf8')}\nselect 1 / 0;\n`);
    const db = await where.open();
    try {
      await expect(migrate(db, migrationsDir, failing)).rejects.toThrow(/division by zero/);
      expect(await readSeedState(db)).toBe('pending');
      expect(await agencies(db)).toBe(0);
      expect(await migrate(db, migrationsDir, seedFile)).toEqual({ applied: [], seeded: true });
      expect(await agencies(db)).toBe(SEEDED_AGENCIES);
    } finally {
      await db.close();
    }
  });

  it('a database made with STACK_SEED=off never gets the demo data later', { timeout: 600_000 }, async () => {
    const where = await newStorage(backend);
    const db = await where.open();
    try {
      expect((await migrate(db, migrationsDir)).seeded).toBe(false);
      expect(await readSeedState(db)).toBe('not_wanted');
      expect(await migrate(db, migrationsDir, seedFile)).toEqual({ applied: [], seeded: false });
      expect(await agencies(db)).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('a database still owed its seed refuses a start without the seed file, says so, and is left as it was', { timeout: 600_000 }, async () => {
    const where = await newStorage(backend);
    const db = await where.open();
    await preparePlatform(db, { seedWanted: true });
    await db.close();
    const stack = spawnStack({ port: await freePort(), seed: false, ...where });
    cleanups.push(async () => {
      if (stack.child.exitCode === null) stack.child.kill('SIGKILL');
    });
    const { code, stderr } = await stack.exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/has not received it yet/);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    const after = await where.open();
    expect(await readSeedState(after)).toBe('pending');
    expect((await after.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations')).rows[0].n).toBe(0);
    await after.close();
  });
});

describe.each(backends)('the stack process SIGKILLed during its first migrations on %s', (backend) => {
  it('the next start finishes the migrations and seeds', { timeout: 600_000 }, async () => {
    const where = await newStorage(backend);
    const first = spawnStack({ port: await freePort(), seed: true, ...where });
    cleanups.push(async () => {
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
    });
    // Killed the moment the stack says it applies the migrations: the baseline and the seed's record
    // have committed, the seed has not.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      first.child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Applying \d+ migrations/.test(out)) resolve();
      });
      void first.exited.then(({ code, stderr }) => reject(new Error(`stack exited with ${code}: ${stderr}`)));
    });
    await killHard(first);
    const killed = await where.open();
    const state = await readSeedState(killed);
    const appliedAtKill = state === undefined ? 0 : (await killed.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations')).rows[0].n;
    await killed.close();
    console.log(`${backend}: killed with ${appliedAtKill} of ${migrationCount} migrations applied`);
    expect(state).toBe('pending');
    expect(appliedAtKill).toBeLessThan(migrationCount);

    const second = await startStack(where, true);
    expect(await inspect(second)).toEqual({ agencies: SEEDED_AGENCIES });
    await stop(second);
  });
});
