/**
 * Straight-line (great-circle) distance between two points. Same formula and Earth radius as the
 * database's private.haversine_m, so the screen and SQL agree on "nearest".
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), metres. Over a city the spherical error is far below a street's width. */
export const EARTH_RADIUS_M = 6371008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
