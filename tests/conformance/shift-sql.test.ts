/**
 * The screens' shifts (lib/domain/shift.ts) against the database's (private.shift_bounds, used by the
 * handover functions) on a migrated PGlite, for several schedules and instants around every change,
 * midnight WIB included: the handover screen and write_handover must name the same shift change.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database';
import { migrate } from '../../supabase/local/db/migrate';
import { openPglite } from '../../supabase/local/db/pglite-database';
import { isValidShiftSchedule, shiftBounds } from '../../lib/domain/shift';

const root = path.resolve(import.meta.dirname, '../..');
let db: Database;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db, path.join(root, 'supabase/migrations'));
}, 180_000);

afterAll(async () => {
  await db?.close();
});

const HOUR_MS = 3600_000;

/** Instants over two WIB days: every change, a second either side of it, and each half hour. */
function instants(hours: readonly number[]): number[] {
  const day = Date.parse('2026-12-01T17:00:00Z'); // 00:00 WIB, 2 December
  const out: number[] = [];
  for (let d = 0; d < 2; d++) {
    for (const h of hours) for (const delta of [-1000, 0, 1000]) out.push(day + d * 24 * HOUR_MS + h * HOUR_MS + delta);
    for (let half = 0; half < 48; half++) out.push(day + d * 24 * HOUR_MS + half * HOUR_MS / 2);
  }
  return out;
}

async function sqlBounds(hours: readonly number[], at: number[]): Promise<Array<[number, number]>> {
  await db.query('update public.shift_settings set start_hours = $1 where id', [hours]);
  const { rows } = await db.query<{ s: string; e: string }>(
    `select (extract(epoch from b.starts_at) * 1000)::bigint::text as s, (extract(epoch from b.ends_at) * 1000)::bigint::text as e
     from unnest($1::timestamptz[]) with ordinality as t (at, n), private.shift_bounds(t.at) b order by t.n`,
    [at.map((ms) => new Date(ms).toISOString())],
  );
  return rows.map((r) => [Number(r.s), Number(r.e)]);
}

describe('shifts agree with the SQL', () => {
  for (const hours of [[7, 15, 23], [7, 19], [0], [6, 12, 18], [3, 11, 19]]) {
    it(`schedule ${hours.join('/')} WIB`, async () => {
      const at = instants(hours);
      const expected = at.map((ms) => {
        const b = shiftBounds(ms, hours);
        return [b.startMs, b.endMs];
      });
      expect(await sqlBounds(hours, at)).toEqual(expected);
    });
  }
});

describe('schedules are accepted and refused alike', () => {
  it('private.valid_shift_hours and isValidShiftSchedule agree', async () => {
    const cases: number[][] = [[7, 15, 23], [7, 19], [0], [23], [1, 22], [3, 21], [15, 7], [7, 9, 19], [7, 7], [0, 4, 8, 12, 16, 20], [0, 4, 8, 12, 16, 20, 22], [-1, 12], [7, 24], []];
    const { rows } = await db.query<{ valid: boolean }>(
      `select coalesce(private.valid_shift_hours(array(select jsonb_array_elements_text(c)::int)), false) as valid
       from jsonb_array_elements($1::jsonb) with ordinality as t (c, n) order by t.n`,
      [JSON.stringify(cases)],
    );
    expect(rows.map((r) => r.valid)).toEqual(cases.map((c) => isValidShiftSchedule(c)));
  });
});
