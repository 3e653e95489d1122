/**
 * The geography of the screens (lib/domain/geo.ts, lib/domain/city.ts) against its SQL definition
 * (private.haversine_m, private.in_service_area, private.kecamatan_names) on a migrated PGlite. The
 * same facts are written in two languages; this test is what keeps them one definition.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database';
import { migrate } from '../../supabase/local/db/migrate';
import { openPglite } from '../../supabase/local/db/pglite-database';
import { distanceMetres, isInServiceArea, SERVICE_AREA, type LatLng } from '../../lib/domain/geo';
import { KECAMATAN } from '../../lib/domain/city';

const root = path.resolve(import.meta.dirname, '../..');
let db: Database;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db, path.join(root, 'supabase/migrations'));
}, 180_000);

afterAll(async () => {
  await db?.close();
});

async function sqlInArea(points: readonly LatLng[]): Promise<boolean[]> {
  const { rows } = await db.query<{ inside: boolean }>(
    `select private.in_service_area(p.lat, p.lng) as inside
     from unnest($1::float8[], $2::float8[]) with ordinality as p (lat, lng, n) order by p.n`,
    [points.map((p) => p.lat), points.map((p) => p.lng)],
  );
  return rows.map((r) => r.inside);
}

describe('geography agrees with the SQL', () => {
  it('lists the same kecamatan in the same order', async () => {
    const { rows } = await db.query<{ names: string[] }>('select private.kecamatan_names() as names');
    expect(rows[0].names).toEqual([...KECAMATAN]);
  });

  it('draws the service area on the same edges', async () => {
    const { south, north, west, east } = SERVICE_AREA;
    const midLat = (south + north) / 2;
    const midLng = (west + east) / 2;
    // On each edge, and a hair inside and outside it: both sides must agree on all three, which
    // pins the SQL edge to within 1e-9 degrees (0.1 mm) of the TypeScript one.
    const around = (v: number) => [v - 1e-9, v, v + 1e-9];
    const points: LatLng[] = [
      ...around(south).map((lat) => ({ lat, lng: midLng })),
      ...around(north).map((lat) => ({ lat, lng: midLng })),
      ...around(west).map((lng) => ({ lat: midLat, lng })),
      ...around(east).map((lng) => ({ lat: midLat, lng })),
      ...[south, north].flatMap((lat) => [west, east].map((lng) => ({ lat, lng }))),
    ];
    const expected = points.map(isInServiceArea);
    expect(expected.filter((inside) => !inside)).toHaveLength(4);
    expect(await sqlInArea(points)).toEqual(expected);
  });

  it('measures the same distance as private.haversine_m', async () => {
    const pairs = [
      [-6.0, 106.0, -6.0045, 106.0],
      [-6.002685, 106.011202, -5.930833, 105.995278],
      [-6.05, 105.975, -5.925, 106.015],
    ];
    for (const [lat1, lng1, lat2, lng2] of pairs) {
      const { rows } = await db.query<{ m: number }>('select private.haversine_m($1, $2, $3, $4) as m', [lat1, lng1, lat2, lng2]);
      expect(distanceMetres({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 })).toBeCloseTo(rows[0].m, 6);
    }
  });
});
