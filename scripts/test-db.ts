/**
 * Runs the pgTAP suite (`supabase/tests/database/*.test.sql`) the way `supabase test db` does, but
 * without Docker, each way a database reaches the suite: empty (migrations only) and with the demo
 * seed (`supabase start` loads `seed.sql` before `supabase test db`). On PGlite in memory and, when
 * TEST_DATABASE_URL is set, on fresh databases of that Postgres server (created and dropped here):
 * migrated as the embedded stack does, and one prepared as a Supabase project is before its first
 * migration, migrated and seeded by the real CLI (`supabase db push --include-seed`), then linted
 * (`supabase db lint`, plpgsql_check). Each file runs as written (its own begin … rollback) and its
 * TAP output is parsed. Prints a summary per backend and variant with the RLS matrix cell count;
 * exits non-zero on any failure or lint warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { migrate, preparePlatform } from '../supabase/local/db/migrate.ts';
import { openPostgres } from '../supabase/local/db/postgres-database.ts';
import type { Database, Queryable } from '../supabase/local/db/database.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';
import { expandIncludes } from './test-db/includes.ts';
import { parseTap, type TapResult } from './test-db/tap.ts';
import { lintDatabase, LINTED_SCHEMAS, pushMigrations } from './test-db/supabase-cli.ts';

const root = path.resolve(import.meta.dirname, '..');
const testsDir = path.join(root, 'supabase', 'tests', 'database');
const migrationsDir = path.join(root, 'supabase', 'migrations');
const seedFile = path.join(root, 'supabase', 'seed.sql');

/** Migrations only, or migrations and the demo seed (what `supabase start` leaves). */
type Variant = 'empty' | 'seeded';

function backendName(engine: string, variant: Variant): string {
  return variant === 'seeded' ? `${engine} + seed` : engine;
}

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

/** A PGlite migrated once; the seeded variant runs on a clone of it, so it is not migrated twice. */
async function migratedPglite(): Promise<PGlite> {
  // Same extensions as supabase/local/db/pglite-database.ts; built here because the runner needs
  // the rows of every statement of a script, which the stack's Database interface does not return.
  const db = new PGlite({ extensions: { pgcrypto, pg_trgm, pgtap } });
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
  return db;
}

async function pgliteBackend(source: PGlite, variant: Variant): Promise<Backend> {
  const db = (await source.clone()) as PGlite;
  // The seed runs as the database owner on a new database, as the stack's first start runs it.
  if (variant === 'seeded') await db.exec(readFileSync(seedFile, 'utf8'));
  await db.exec('create extension if not exists pgtap with schema extensions');
  await db.exec('set search_path = public, extensions');
  return {
    name: backendName('pglite', variant),
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

/** How a Postgres test database gets its schema: as the embedded stack does, or as `supabase db push` does. */
type Schema = (url: string) => Promise<void>;

// The stack loads the seed itself when it finds a new database, as on its first start.
const stackSchema =
  (variant: Variant): Schema =>
  async (url) => {
    const stackDb = await openPostgres(url);
    try {
      await migrate(stackDb, migrationsDir, variant === 'seeded' ? seedFile : undefined);
    } finally {
      await stackDb.close();
    }
  };

// A database prepared as a Supabase project is before its first migration, then the real CLI
// (with `--include-seed` it runs config.toml's [db.seed] files after the migrations).
const cliSchema =
  (variant: Variant): Schema =>
  async (url) => {
    const platformDb = await openPostgres(url);
    try {
      await preparePlatform(platformDb);
    } finally {
      await platformDb.close();
    }
    await pushMigrations(url, { includeSeed: variant === 'seeded' });
  };

async function postgresBackend(name: string, schema: Schema, after?: (url: string) => Promise<void>): Promise<Backend> {
  const created = await createTestDatabase();
  try {
    await schema(created.url);
    const client = new pg.Client({ connectionString: created.url });
    await client.connect();
    await client.query('create extension if not exists pgtap with schema extensions');
    await client.query('set search_path = public, extensions');
    // Silence NOTICEs (pgTAP's and ours); TAP comes back as rows.
    await client.query('set client_min_messages = warning');
    return {
      name,
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
        try {
          await after?.(created.url);
        } finally {
          await created.drop();
        }
      },
    };
  } catch (err) {
    await created.drop();
    throw err;
  }
}

/** What failed, per backend and variant, for the summary. */
const failing: string[] = [];

// `supabase db lint` on the pushed schema: any error or warning fails the suite; plpgsql_check's
// "extra" notes (it cannot follow dynamic SQL) are printed only.
async function lintOrFail(url: string): Promise<void> {
  const issues = await lintDatabase(url);
  const blocking = issues.filter((i) => i.level === 'error' || i.level === 'warning');
  process.stdout.write(
    `${blocking.length ? 'FAIL' : 'ok  '} [supabase db lint] ${LINTED_SCHEMAS.join(', ')}: ` +
      `${blocking.length} errors or warnings, ${issues.length - blocking.length} extra notes\n`,
  );
  for (const i of issues) process.stdout.write(`       ${i.level}: ${i.function}: ${i.message}\n`);
  if (blocking.length) failing.push(`supabase db lint: ${blocking.length} errors or warnings`);
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
    const started = Date.now();
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
        ` (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    for (const line of tap.failures) process.stdout.write(`       ${line}\n`);
    if (error) process.stdout.write(`       SQL error: ${error}\n`);
    if (!ok && tap.problems.length) for (const p of tap.problems) process.stdout.write(`       ${p}\n`);
  }
  return outcomes;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // `--seeded` or `--empty` runs one variant only (the default runs both; `--all`: PGlite seeded too).
  const variants: Variant[] = args.includes('--seeded') ? ['seeded'] : args.includes('--empty') ? ['empty'] : ['empty', 'seeded'];
  const only = args.filter((a) => !a.startsWith('--'));
  const files = readdirSync(testsDir)
    .filter((f) => f.endsWith('.test.sql'))
    // `npx tsx scripts/test-db.ts 10-rls 86-` runs only the files whose names contain one of the words.
    .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.sql files in ${testsDir}`);
  let pglite: Promise<PGlite> | undefined;
  const pgliteSource = () => (pglite ??= migratedPglite());
  const factories: Array<() => Promise<Backend>> = [];
  for (const variant of variants) {
    // With a Postgres server the seeded variant runs there (through the real CLI, below): the seed is
    // the same SQL on either engine, and every file already runs empty on both, so a second seeded
    // run (≈ 90 s on PGlite) buys little. `--all` runs it anyway; without a server PGlite runs both.
    if (variant === 'seeded' && process.env.TEST_DATABASE_URL && !args.includes('--all')) continue;
    factories.push(async () => pgliteBackend(await pgliteSource(), variant));
  }
  if (process.env.TEST_DATABASE_URL) {
    // Postgres empty as the stack migrates it; Postgres seeded as `supabase start` + `supabase test db`
    // leave it (migrations and seed by the real CLI), then linted. A seeded run costs about a minute
    // (the statistics file recomputes 90 days of rollups), so the stack's own seeded Postgres is not
    // run again: the seed is the same SQL file either way.
    if (variants.includes('empty')) factories.push(() => postgresBackend('postgres', stackSchema('empty')));
    const cliVariant = variants.includes('seeded') ? 'seeded' : 'empty';
    factories.push(() => postgresBackend(backendName('supabase db push', cliVariant), cliSchema(cliVariant), lintOrFail));
  }

  // The backends run side by side: PGlite works in this process, each Postgres database in the
  // server's, so the suite takes about as long as its slowest backend rather than the sum.
  let summary: string[] = [];
  try {
    summary = await Promise.all(factories.map(async (factory) => {
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
      const bad = outcomes.filter((o) => o.error || !o.tap.ok);
      const cells = outcomes.reduce((n, o) => n + o.tap.matrixCells, 0);
      if (bad.length) failing.push(`${backend.name}: ${bad.map((o) => o.file).join(', ')}`);
      return (
        `${bad.length ? 'FAIL' : 'ok  '} ${backend.name}: ${outcomes.length} files (${bad.length} failing), ` +
        `${passed} tests passed, ${failed} failed, RLS matrix cells: ${cells}, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`
      );
    }));
  } finally {
    if (pglite) await (await pglite).close();
  }
  process.stdout.write('\n' + summary.join('\n') + '\n');
  if (failing.length) process.stdout.write('\nfailing, by backend and variant:\n  ' + failing.join('\n  ') + '\n');
  if (failing.length) process.exitCode = 1;
}

await main();
