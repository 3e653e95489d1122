/**
 * PGlite's pipeline (one call, one implicit transaction): what the REST read path relies on — a
 * transaction-local setting of the first statement is seen by the next and gone afterwards, an error
 * commits nothing and keeps its SQLSTATE, and values it cannot send as text are left to the caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';

let db: Database;

beforeAll(async () => {
  db = await openPglite('memory://');
  await db.exec('create table pipeline_probe (id integer primary key)');
}, 60_000);

afterAll(async () => {
  await db.close();
});

function pipeline(): NonNullable<Database['pipeline']> {
  if (!db.pipeline) throw new Error('PGlite has no pipeline');
  return db.pipeline;
}

describe('PGlite pipeline', () => {
  it('runs the statements in one transaction whose local settings end with it', async () => {
    const results = await pipeline()([
      { sql: `select set_config('request.probe', $1, true) as set`, values: ['seen'] },
      { sql: `select current_setting('request.probe', true) as probe, $1::int + 1 as next, $2::boolean as flag, $3::text as nothing`, values: [41, true, null] },
    ]);
    expect(results).toEqual([[{ set: 'seen' }], [{ probe: 'seen', next: '42', flag: 't', nothing: null }]]);
    const after = await db.query<{ probe: string | null }>(`select nullif(current_setting('request.probe', true), '') as probe`);
    expect(after.rows[0].probe).toBeNull();
  });

  it('commits nothing when a later statement fails, and throws its SQLSTATE', async () => {
    await expect(pipeline()([
      { sql: 'insert into pipeline_probe (id) values ($1)', values: [1] },
      { sql: 'select 1 / $1::int', values: [0] },
    ])).rejects.toMatchObject({ code: '22012' });
    const rows = await db.query<{ n: number }>('select count(*)::int as n from pipeline_probe');
    expect(rows.rows[0].n).toBe(0);
    // The connection is usable afterwards, outside any transaction.
    const again = await pipeline()([{ sql: 'select $1::text as v', values: ['ok'] }]);
    expect(again).toEqual([[{ v: 'ok' }]]);
  });

  it('leaves a statement with a non-scalar value to the caller', async () => {
    expect(await pipeline()([{ sql: 'select $1::jsonb as v', values: [{ a: 1 }] }])).toBeUndefined();
  });
});
