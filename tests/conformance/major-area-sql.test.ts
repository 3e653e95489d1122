/**
 * The major-incident area of the screens (lib/domain/area.ts) against its SQL definition
 * (private.valid_major_area, private.point_in_area) on a migrated PGlite: the console's one-key
 * offer and the database must agree on which calls lie inside, and on which areas are accepted.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database';
import { migrate } from '../../supabase/local/db/migrate';
import { openPglite } from '../../supabase/local/db/pglite-database';
import { circleArea, isInArea, isValidArea, type AreaPolygon } from '../../lib/domain/area';
import type { LatLng } from '../../lib/domain/geo';

const root = path.resolve(import.meta.dirname, '../..');
let db: Database;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db, path.join(root, 'supabase/migrations'));
}, 180_000);

afterAll(async () => {
  await db?.close();
});

async function sqlInside(area: AreaPolygon, points: readonly LatLng[]): Promise<boolean[]> {
  const { rows } = await db.query<{ inside: boolean }>(
    `select private.point_in_area($3::jsonb, p.lat, p.lng) as inside
     from unnest($1::float8[], $2::float8[]) with ordinality as p (lat, lng, n) order by p.n`,
    [points.map((p) => p.lat), points.map((p) => p.lng), JSON.stringify(area)],
  );
  return rows.map((r) => r.inside);
}

async function sqlValid(value: unknown): Promise<boolean> {
  const { rows } = await db.query<{ valid: boolean }>('select private.valid_major_area($1::jsonb) as valid', [JSON.stringify(value)]);
  return rows[0].valid;
}

describe('major-incident areas agree with the SQL', () => {
  it('puts the same points inside a drawn circle', async () => {
    const centre = { lat: -6.0, lng: 106.03 };
    const area = circleArea(centre, 1000);
    // A grid across the circle's edge, 100 m apart, so both sides are exercised near the ring.
    const points: LatLng[] = [];
    for (let i = -15; i <= 15; i++) for (let j = -15; j <= 15; j++) points.push({ lat: centre.lat + i * 0.0009, lng: centre.lng + j * 0.0009 });
    const expected = points.map((p) => isInArea(area, p));
    expect(expected.some(Boolean)).toBe(true);
    expect(expected.some((inside) => !inside)).toBe(true);
    expect(await sqlInside(area, points)).toEqual(expected);
  });

  it('accepts and refuses the same areas', async () => {
    const ring: [number, number][] = [
      [106.02, -6.01],
      [106.04, -6.01],
      [106.04, -5.99],
      [106.02, -6.01],
    ];
    const cases: unknown[] = [
      circleArea({ lat: -6.0, lng: 106.03 }, 5000),
      { type: 'Polygon', coordinates: [ring] },
      { type: 'Polygon', coordinates: [ring.slice(0, 3)] },
      { type: 'Polygon', coordinates: [ring, ring] },
      { type: 'Point', coordinates: [106.03, -6.0] },
      { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x + 1, y])] },
      { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [106.02, -6.02]]] },
    ];
    const expected = cases.map(isValidArea);
    expect(expected).toEqual([true, true, false, false, false, false, false]);
    expect(await Promise.all(cases.map(sqlValid))).toEqual(expected);
  });
});
