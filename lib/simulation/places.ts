/**
 * Where simulated emergencies happen: a kecamatan and one of its kelurahan, and a point near the
 * kecamatan's approximate centroid (data/cilegon.json), kept on land (the city's bounds include sea to
 * the west) and inside the area report_incident accepts.
 */
import city from '../../data/cilegon.json';
import { KECAMATAN, type Kecamatan } from '../domain/city';
import { isInServiceArea, type LatLng } from '../domain/geo';
import { KELURAHAN } from '../domain/kelurahan';
import { pickOne, uniform, type Rng } from './random';

/** data/cilegon.json city.note: keep demo points east of about 105.95. */
const MIN_LAND_LNG = 105.955;
/** About 1.3 km either way: a kecamatan of Cilegon is a few kilometres across. */
const SPREAD_DEG = 0.012;

const CENTROIDS: ReadonlyMap<string, LatLng> = new Map(
  city.kecamatan.items.map((k) => [k.name, { lat: k.approx_centroid[0], lng: k.approx_centroid[1] }]),
);

export interface Place extends LatLng {
  kecamatan: Kecamatan;
  kelurahan: string;
  address: string;
}

const STREETS = ['Jl. Raya Merak', 'Jl. Jendral Sudirman', 'Jl. Raya Anyer', 'Jl. Ki Sarmud', 'Jl. Lingkar Selatan', 'Jl. Kubang Laban'];

export function centroidOf(kecamatan: Kecamatan): LatLng {
  const c = CENTROIDS.get(kecamatan);
  if (!c) throw new Error(`data/cilegon.json has no centroid for ${kecamatan}`);
  return c;
}

/** Keeps a point on land and inside the service area, by moving it no further than needed. */
export function onLand(p: LatLng): LatLng {
  const moved = { lat: p.lat, lng: Math.max(p.lng, MIN_LAND_LNG) };
  if (!isInServiceArea(moved)) throw new Error(`point ${moved.lat},${moved.lng} is outside the service area`);
  return moved;
}

export function drawPlace(rng: Rng): Place {
  const kecamatan = pickOne(rng, KECAMATAN);
  const c = centroidOf(kecamatan);
  const point = onLand({ lat: c.lat + uniform(rng, -SPREAD_DEG, SPREAD_DEG), lng: c.lng + uniform(rng, -SPREAD_DEG, SPREAD_DEG) });
  const kelurahan = pickOne(rng, KELURAHAN[kecamatan]);
  return { ...point, kecamatan, kelurahan, address: `${pickOne(rng, STREETS)} No. ${1 + Math.floor(rng.next() * 200)}, ${kelurahan}` };
}

/** A point within about `metres` of `p` (a second caller standing elsewhere at the same fire). */
export function near(rng: Rng, p: LatLng, metres: number): LatLng {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((p.lat * Math.PI) / 180));
  return onLand({ lat: p.lat + uniform(rng, -dLat, dLat), lng: p.lng + uniform(rng, -dLng, dLng) });
}
