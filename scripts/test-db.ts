/**
 * Runs the pgTAP suite (`supabase/tests/database/*.test.sql`) the way `supabase test db` does, but
 * without Docker: on PGlite in memory and, when TEST_DATABASE_URL is set, on a fresh database of that
 * Postgres server (created and dropped here). Each backend gets the Supabase baseline and the
 * migrations (no seed); each file runs as written (its own begin … rollback) and its TAP output is
 * parsed. Prints a summary with the RLS matrix cell count; exits non-zero on any failure.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { migrate } from '../supabase/local/db/migrate.ts';
import { openPostgres } from '../supabase/local/db/postgres-database.ts';
import type { Database, Queryable } from '../supabase/local/db/database.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';
import { expandIncludes } from './test-db/includes.ts';
import { parseTap, type TapResult } from './test-db/tap.ts';

const root = path.resolve(import.meta.dirname, '..');
const testsDir = path.join(root, 'supabase', 'tests', 'database');
const migrationsDir = path.join(root, 'supabase', 'migrations');

/** Runs a whole file (several statements) and returns the first column of every row it printed. */
type RunScript = (sql: string) => Promise<string[]>;

interface Backend {
  name: string;
  run: RunScript;
  close(): Promise<void>;
}

function firstColumnLines(rows: Record<string, unknown>[]): string[] {
  return rows.flatMap((row) => {
    const value = Object.values(row)[0];
    return typeof value === 'string' ? value.split('\n') : [];
  });
}

function wrapPglite(q: PGlite | Parameters<Parameters<PGlite['transaction']>[0]>[0]): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const r = await q.query<Row>(sql, params);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

async function pgliteBackend(): Promise<Backend> {
  // Same extensions as supabase/local/db/pglite-database.ts; built here because the runner needs
  // the rows of every statement of a script, which the stack's Database interface does not return.
  const db = new PGlite({ extensions: { pgcrypto, pgtap } });
  await db.waitReady;
  const base = wrapPglite(db);
  const asDatabase: Database = {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrapPglite(tx))),
    listen: async () => async () => {},
    close: () => db.close(),
  };
  await migrate(asDatabase, migrationsDir);
  await db.exec('create extension if not exists pgtap with schema extensions');
  await db.exec('set search_path = public, extensions');
  return {
    name: 'pglite',
    async run(sql) {
      try {
        const results = await db.exec(sql);
        return results.flatMap((r) => firstColumnLines(r.rows as Record<string, unknown>[]));
      } finally {
        // A failed statement leaves the file's transaction open and aborted.
        await db.exec('rollback');
      }
    },
    close: () => db.close(),
  };
}

async function postgresBackend(): Promise<Backend> {
  const created = await createTestDatabase();
  try {
    const stackDb = await openPostgres(created.url);
    try {
      await migrate(stackDb, migrationsDir);
    } finally {
      await stackDb.close();
    }
    const client = new pg.Client({ connectionString: created.url });
    await client.connect();
    await client.query('create extension if not exists pgtap with schema extensions');
    await client.query('set search_path = public, extensions');
    // Silence NOTICEs (pgTAP's and ours); TAP comes back as rows.
    await client.query('set client_min_messages = warning');
    return {
      name: 'postgres',
      async run(sql) {
        try {
          const result = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
          const results = Array.isArray(result) ? result : [result];
          return results.flatMap((r) => firstColumnLines((r.rows ?? []) as Record<string, unknown>[]));
        } finally {
          await client.query('rollback');
        }
      },
      async close() {
        await client.end();
        await created.drop();
      },
    };
  } catch (err) {
    await created.drop();
    throw err;
  }
}

interface FileOutcome {
  file: string;
  tap: TapResult;
  error?: string;
}

async function runSuite(backend: Backend, files: string[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const sql = expandIncludes(path.join(testsDir, file));
    let lines: string[] = [];
    let error: string | undefined;
    try {
      lines = await backend.run(sql);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const tap = parseTap(lines);
    outcomes.push({ file, tap, error });
    const ok = !error && tap.ok;
    process.stdout.write(
      `${ok ? 'ok  ' : 'FAIL'} [${backend.name}] ${file}: ${tap.passed}/${tap.planned ?? '?'} passed` +
        (tap.failed ? `, ${tap.failed} failed` : '') +
        '\n',
    );
    for (const line of tap.failures) process.stdout.write(`       ${line}\n`);
    if (error) process.stdout.write(`       SQL error: ${error}\n`);
    if (!ok && tap.problems.length) for (const p of tap.problems) process.stdout.write(`       ${p}\n`);
  }
  return outcomes;
}

async function main(): Promise<void> {
  const files = readdirSync(testsDir)
    .filter((f) => f.endsWith('.test.sql'))
    // `tsx scripts/test-db.ts 50-statistics 10-rls` runs only the files whose names contain one of the words.
    .filter((f) => process.argv.length <= 2 || process.argv.slice(2).some((word) => f.includes(word)))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.sql files in ${testsDir}`);
  const factories: Array<() => Promise<Backend>> = [pgliteBackend];
  if (process.env.TEST_DATABASE_URL) factories.push(postgresBackend);

  let failedFiles = 0;
  const summary: string[] = [];
  for (const factory of factories) {
    const started = Date.now();
    const backend = await factory();
    let outcomes: FileOutcome[];
    try {
      outcomes = await runSuite(backend, files);
    } finally {
      await backend.close();
    }
    const passed = outcomes.reduce((n, o) => n + o.tap.passed, 0);
    const failed = outcomes.reduce((n, o) => n + o.tap.failed, 0);
    const bad = outcomes.filter((o) => o.error || !o.tap.ok).length;
    const cells = outcomes.reduce((n, o) => n + o.tap.matrixCells, 0);
    failedFiles += bad;
    summary.push(
      `${backend.name}: ${outcomes.length} files (${bad} failing), ${passed} tests passed, ${failed} failed, ` +
        `RLS matrix cells: ${cells}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  process.stdout.write('\n' + summary.join('\n') + '\n');
  if (failedFiles > 0) process.exitCode = 1;
}

await main();
