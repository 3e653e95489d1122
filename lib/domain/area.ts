/**
 * A major incident's area: a GeoJSON Polygon of one ring of [lng, lat] positions, as the database
 * stores and checks it (private.valid_major_area). The supervisor draws it as a circle around the
 * ticket's location; the console asks whether a caller's point lies inside with the even-odd rule of
 * private.point_in_area, so the offer on screen and the database agree.
 */
import { EARTH_RADIUS_M, isInServiceArea, type LatLng } from './geo';

// A type alias, not an interface, so it is assignable to the generated Json type of the RPC.
export type AreaPolygon = {
  type: 'Polygon';
  coordinates: [number, number][][];
};

/** Limits of private.valid_major_area. */
export const AREA_LIMITS = { minPositions: 4, maxPositions: 257, maxBytes: 16_384 } as const;
/** The radii a supervisor may choose, in metres. */
export const AREA_RADII_M = [250, 500, 1000, 2000, 3000, 5000] as const;
/** Corners of the drawn circle: round enough on a city map, far below the position limit. */
const CIRCLE_CORNERS = 48;

/** A circle of `radiusM` around `centre` as a closed ring (first position repeated last). */
export function circleArea(centre: LatLng, radiusM: number): AreaPolygon {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.cos((centre.lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i < CIRCLE_CORNERS; i++) {
    const a = (2 * Math.PI * i) / CIRCLE_CORNERS;
    // Six decimals are about 10 cm: plenty, and they keep the JSON small.
    ring.push([round6(centre.lng + dLng * Math.cos(a)), round6(centre.lat + dLat * Math.sin(a))]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** The same rules as private.valid_major_area: one closed ring, 4–257 positions, inside the service area, ≤ 16 KiB. */
export function isValidArea(value: unknown): value is AreaPolygon {
  if (typeof value !== 'object' || value === null) return false;
  if (new TextEncoder().encode(JSON.stringify(value)).length > AREA_LIMITS.maxBytes) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' || !Array.isArray(coordinates) || coordinates.length !== 1) return false;
  const ring: unknown = coordinates[0];
  if (!Array.isArray(ring) || ring.length < AREA_LIMITS.minPositions || ring.length > AREA_LIMITS.maxPositions) return false;
  if (!ring.every(isPosition)) return false;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return false;
  return ring.every(([lng, lat]) => isInServiceArea({ lat, lng }));
}

/** Whether the point lies inside the area (even-odd rule, as private.point_in_area). */
export function isInArea(area: AreaPolygon, point: LatLng): boolean {
  const ring = area.coordinates[0];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The ring as Leaflet [lat, lng] pairs. */
export function areaLatLngs(area: AreaPolygon): [number, number][] {
  return area.coordinates[0].map(([lng, lat]) => [lat, lng]);
}

/** The area a stored row holds, or null when it is not one (the database never stores that, but the row is JSON). */
export function readArea(value: unknown): AreaPolygon | null {
  return isValidArea(value) ? value : null;
}

/** Corners a drawn polygon may have: the ring repeats the first, so one below the position limit. */
export const POLYGON_MAX_CORNERS = AREA_LIMITS.maxPositions - 1;

/**
 * The polygon a supervisor clicked corner by corner, closed, or null while it is not a valid area
 * (fewer than three corners, too many, or a corner outside the service area).
 */
export function polygonArea(corners: readonly LatLng[]): AreaPolygon | null {
  if (corners.length < 3 || corners.length > POLYGON_MAX_CORNERS) return null;
  const ring: [number, number][] = corners.map((c) => [round6(c.lng), round6(c.lat)]);
  ring.push([ring[0][0], ring[0][1]]);
  const area: AreaPolygon = { type: 'Polygon', coordinates: [ring] };
  return isValidArea(area) ? area : null;
}
