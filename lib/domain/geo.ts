/**
 * Geography of the service area without PostGIS: great-circle distance (the same formula as the
 * database's private.haversine_m, used by the duplicate check) and the box around Kota Cilegon that
 * the tables accept for coordinates.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius in metres (IUGG), as in the SQL. */
export const EARTH_RADIUS_M = 6_371_008.8;

/**
 * data/cilegon.json bounds (south -6.0686, north -5.8733, west 105.9014, east 106.0864) widened by
 * about 5 km; the check constraints on incidents and agency_posts use the same numbers.
 */
export const SERVICE_AREA = { south: -6.12, north: -5.82, west: 105.85, east: 106.14 } as const;

/** Radius and window of the operator's duplicate check (nearby_open_incidents defaults). */
export const DUPLICATE_RADIUS_M = 500;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineMeters(a: LatLng, b: LatLng): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isInServiceArea(p: LatLng): boolean {
  return p.lat >= SERVICE_AREA.south && p.lat <= SERVICE_AREA.north && p.lng >= SERVICE_AREA.west && p.lng <= SERVICE_AREA.east;
}
