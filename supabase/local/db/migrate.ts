/**
 * Brings a database to the current schema: the Supabase baseline (what is missing of it; the grants
 * of an existing database are never touched), then every file of
 * `supabase/migrations` not applied yet (in name order, each in its own transaction, tracked in the
 * Supabase CLI's own table), then the seed when the database still owes it (seed-state.ts).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';
import { installRealtimePlatform } from '../realtime/platform.ts';
import { readSeedState, recordNewDatabaseSeed, refuseOwedSeedWithout, seedIfPending } from './seed-state.ts';

const baselineFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline.sql');

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
}

/**
 * What a Supabase project has before its first migration: the baseline (roles, auth schema, grants,
 * the migrations table) and the objects supabase/realtime creates. `supabase db push` expects a
 * database in this state; the embedded stack prepares it on every start (idempotent).
 */
export async function preparePlatform(db: Database, opts: { seedWanted?: boolean } = {}): Promise<void> {
  // One transaction: the baseline decides what to grant from what is missing when it starts, so a
  // start that fails half-way must leave nothing behind for the next start to mistake for existing.
  // The seed's record is made in it too, so no database exists that lacks it.
  const baseline = readFileSync(baselineFile, 'utf8');
  await db.transaction(async (tx) => {
    const fresh = (await tx.query<{ fresh: boolean }>(`select to_regclass('supabase_migrations.schema_migrations') is null as fresh`)).rows[0]?.fresh === true;
    await tx.exec(baseline);
    if (fresh) await recordNewDatabaseSeed(tx, opts.seedWanted === true);
  });
  // What supabase/realtime creates in every project before any migration runs: realtime.messages,
  // on which migrations add the policies of private channels.
  await installRealtimePlatform(db);
}

/** What a start tells the person at the console while it works (a first start takes a while). */
export interface MigrationProgress {
  /** Called once the baseline committed, before the first pending migration, with their number. */
  migrating?(pending: number): void;
  /** Called before the seed runs. */
  seeding?(): void;
}

export async function migrate(db: Database, migrationsDir: string, seedFile?: string, progress: MigrationProgress = {}): Promise<MigrationReport> {
  await preparePlatform(db, { seedWanted: seedFile !== undefined && existsSync(seedFile) });
  await refuseOwedSeedWithout(db, seedFile);
  const applied = await applyMigrations(db, migrationsDir, progress);
  // Decided by the record, not by "the migration table was new": a first start killed during the
  // migrations left that table, and its database would otherwise never be seeded.
  if ((await readSeedState(db)) === 'pending') progress.seeding?.();
  const seeded = await seedIfPending(db, seedFile);
  return { applied, seeded };
}

/** Every file of `migrationsDir` not applied yet, in name order, each in its own transaction; returns their names. */
export async function applyMigrations(db: Database, migrationsDir: string, progress: MigrationProgress = {}): Promise<string[]> {
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
      (r) => r.version,
    ),
  );
  const files = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((f) => f.endsWith('.sql'))
        .sort()
    : [];
  const applied: string[] = [];
  const pending = files.filter((f) => !done.has(f.split('_')[0]));
  if (pending.length) progress.migrating?.(pending.length);
  for (const file of files) {
    const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
    if (done.has(version)) continue;
    const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        version,
        rest.join('_'),
      ]);
    });
    applied.push(file);
  }
  return applied;
}
