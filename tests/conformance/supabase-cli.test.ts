/**
 * The embedded stack and the real Supabase CLI keep one record of applied migrations
 * (supabase_migrations.schema_migrations), so a database moved from one to the other never has a
 * migration applied twice: the stack opens a database `supabase db push` built without applying
 * anything, and `supabase db push` finds a database the stack built up to date. Needs a Postgres
 * server (TEST_DATABASE_URL): the CLI cannot reach PGlite.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../supabase/local/db/postgres-database.ts';
import { preparePlatform } from '../../supabase/local/db/migrate.ts';
import { pushMigrations } from '../../scripts/test-db/supabase-cli.ts';
import { createTestDatabase, startTestStack } from '../support/test-stack.ts';

const migrationVersions = readdirSync(path.resolve(import.meta.dirname, '../../supabase/migrations'))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.split('_')[0])
  .sort();

async function appliedMigrations(url: string): Promise<Array<{ version: string; statements: number | null }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ version: string; statements: number | null }>(
      'select version, cardinality(statements) as statements from supabase_migrations.schema_migrations order by version',
    );
    return r.rows;
  } finally {
    await client.end();
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('one migration record for the stack and the Supabase CLI', () => {
  it('the stack opens a database that `supabase db push` migrated, applying nothing again', { timeout: 120_000 }, async () => {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    const platform = await openPostgres(db.url);
    await preparePlatform(platform);
    await platform.close();
    const pushed = await pushMigrations(db.url);
    expect(pushed).toContain('Finished supabase db push');

    const before = await appliedMigrations(db.url);
    expect(before.map((m) => m.version)).toEqual(migrationVersions);
    // The CLI records each migration's statements; the stack would leave them null.
    expect(before.every((m) => (m.statements ?? 0) > 0)).toBe(true);

    const stack = await startTestStack({ backend: 'postgres', databaseUrl: db.url });
    cleanups.push(() => stack.close());
    expect(await appliedMigrations(db.url)).toEqual(before);
    const { error } = await stack.serviceClient().from('agencies').select('id').limit(1);
    expect(error).toBeNull();
  });

  it('`supabase db push` finds a database the stack migrated up to date', { timeout: 120_000 }, async () => {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    const stack = await startTestStack({ backend: 'postgres', databaseUrl: db.url });
    await stack.close();
    const before = await appliedMigrations(db.url);
    expect(before.map((m) => m.version)).toEqual(migrationVersions);

    const pushed = await pushMigrations(db.url);
    expect(pushed).toContain('Remote database is up to date');
    expect(await appliedMigrations(db.url)).toEqual(before);
  });
});
