/**
 * Writes the offline base layer of the maps: Natural Earth 1:10m land (via world-atlas) clipped to a
 * box around Kota Cilegon, as a small GeoJSON file in public/. Maps draw it under the tiles so the
 * coastline and markers stay readable when no tile server is reachable. Run after changing the box.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import bboxClip from '@turf/bbox-clip';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { BASEMAP_BOUNDS } from '../lib/domain/city.ts';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8')) as Topology;
const land = feature(topology, topology.objects.land as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;

const { south, west, north, east } = BASEMAP_BOUNDS;
const round = (n: number) => Math.round(n * 1e5) / 1e5;
const clipped: Feature<Polygon | MultiPolygon>[] = [];
for (const f of land.features) {
  const geometry = bboxClip(f, [west, south, east, north]).geometry as Polygon | MultiPolygon;
  // Clipping leaves empty rings for the parts of the world outside the box.
  const all: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const polygons = all.filter(
    (rings) => rings.length > 0 && rings[0].length > 0,
  );
  if (!polygons.length) continue;
  clipped.push({
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))) },
  });
}
const out: FeatureCollection = { type: 'FeatureCollection', features: clipped };
writeFileSync('public/basemap/cilegon-land.geo.json', JSON.stringify(out));
console.log(`wrote public/basemap/cilegon-land.geo.json (${clipped.length} features)`);
