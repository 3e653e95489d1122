/**
 * Whether a database still owes its demo seed. A new database records what it was made for in the
 * same transaction as its baseline (`pending` when a seed file is configured, else `not_wanted`), and
 * the seed flips `pending` to `seeded` in the transaction that inserts the seed's rows. So a first
 * start killed anywhere between the baseline and the end of the seed (in a migration, in the seed)
 * leaves `pending`, and the next start finishes the migrations and seeds; a database never gets the
 * demo data twice, nor demo data it was not made for (`STACK_SEED=off` at its first start).
 *
 * The table lives beside the Supabase CLI's migration table, which only this stack's baseline makes
 * (real Supabase projects never have it). A database made before this table existed has no row:
 * it was judged at its first start, as then ("seed when the migration table was new").
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Database, Queryable } from './database.ts';

export type SeedState = 'pending' | 'seeded' | 'not_wanted';

/** A start refused because the database is owed its seed; the message is for the person at the console. */
export class SeedOwedError extends Error {
  override name = 'SeedOwedError';
}

/** In the baseline's transaction of a new database: what its seed is to be. */
export async function recordNewDatabaseSeed(tx: Queryable, seedWanted: boolean): Promise<void> {
  await tx.exec(`
    create table supabase_migrations.embedded_seed (
      one_row boolean primary key default true check (one_row),
      state text not null check (state in ('pending', 'seeded', 'not_wanted')),
      changed_at timestamptz not null default now()
    );
    comment on table supabase_migrations.embedded_seed is
      'The embedded stack''s record of the demo seed of this database: pending until supabase/seed.sql committed.';
  `);
  await tx.query('insert into supabase_migrations.embedded_seed (state) values ($1)', [seedWanted ? 'pending' : 'not_wanted']);
}

/** The recorded state, or undefined for a database made before the record existed. */
export async function readSeedState(db: Queryable): Promise<SeedState | undefined> {
  const exists = (await db.query<{ present: boolean }>(
    `select to_regclass('supabase_migrations.embedded_seed') is not null as present`,
  )).rows[0]?.present;
  if (!exists) return undefined;
  const row = (await db.query<{ state: SeedState }>('select state from supabase_migrations.embedded_seed')).rows[0];
  return row?.state;
}

/**
 * Before the migrations: a database owed its seed, started without the seed file, is refused with a
 * message, changed no further; it would otherwise serve without its demo data and nobody would know why.
 */
export async function refuseOwedSeedWithout(db: Queryable, seedFile: string | undefined): Promise<void> {
  if ((await readSeedState(db)) !== 'pending') return;
  if (!seedFile || !existsSync(seedFile)) {
    throw new SeedOwedError(
      `This database was made to receive the demo seed and has not received it yet (its first start ` +
        `stopped early), but ${seedFile ? `the seed file ${seedFile} is missing` : 'the seed is switched off (STACK_SEED=off)'}. ` +
        `The stack has not changed it. Start it once with the seed, or start over with an empty database.`,
    );
  }
}

/** Runs the seed when the database owes it, in one transaction with the record that it ran. */
export async function seedIfPending(db: Database, seedFile: string | undefined): Promise<boolean> {
  if ((await readSeedState(db)) !== 'pending') return false;
  await refuseOwedSeedWithout(db, seedFile);
  if (!seedFile) return false;
  const sql = readFileSync(seedFile, 'utf8');
  await db.transaction(async (tx) => {
    await tx.exec(sql);
    await tx.query(`update supabase_migrations.embedded_seed set state = 'seeded', changed_at = now() where state = 'pending'`);
  });
  return true;
}
