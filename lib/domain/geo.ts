/**
 * Geography of the service without PostGIS, the one home of the point type, the distance and the
 * service area. The distance is the formula and Earth radius of the database's private.haversine_m,
 * so the screens and SQL agree on "nearest post" and "within 500 m"; the box is the one
 * private.in_service_area accepts. tests/conformance/geography-sql.test.ts holds both to the SQL.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius in metres (IUGG). Over a city the spherical error is far below a street's width. */
export const EARTH_RADIUS_M = 6_371_008.8;

/**
 * data/cilegon.json bounds (south -6.0686, north -5.8733, west 105.9014, east 106.0864) widened by
 * about 5 km: a caller at the city's edge is still served. Edges included, as SQL's `between`.
 */
export const SERVICE_AREA = { south: -6.12, north: -5.82, west: 105.85, east: 106.14 } as const;

/** Radius of the repeat-caller check: the default of public.nearby_open_incidents. */
export const DUPLICATE_RADIUS_M = 500;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isInServiceArea(p: LatLng): boolean {
  return p.lat >= SERVICE_AREA.south && p.lat <= SERVICE_AREA.north && p.lng >= SERVICE_AREA.west && p.lng <= SERVICE_AREA.east;
}
