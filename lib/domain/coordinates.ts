/**
 * Coordinates as the operator types or pastes them ("lat, lng"), and as a map click writes them
 * into the same field, so the text is the one thing kept in the draft.
 */
import type { LatLng } from './geo';

/** Six decimals is about 10 cm: more precision than a caller ever gives. */
export function formatCoordinates(point: LatLng): string {
  return `${point.lat.toFixed(6)}, ${point.lng.toFixed(6)}`;
}

/**
 * Reads "lat, lng" as typed or pasted from a map app: comma, semicolon or spaces between, decimal
 * points. A pair in the wrong order (lng, lat) around Cilegon is recognised and swapped, because
 * some apps copy it that way. Returns null when the text is not a pair of numbers.
 */
export function parseCoordinates(text: string): LatLng | null {
  const parts = text
    .trim()
    .split(/\s*[,;]\s*|\s+/)
    .filter((p) => p.length > 0);
  if (parts.length !== 2) return null;
  if (!parts.every((p) => /^[-+]?\d+(\.\d+)?$/.test(p))) return null;
  const [a, b] = parts.map(Number);
  // A first value beyond ±90 cannot be a latitude: the pair was copied as lng, lat.
  if (Math.abs(a) > 90) return Math.abs(a) <= 180 && Math.abs(b) <= 90 ? { lat: b, lng: a } : null;
  if (Math.abs(b) > 180) return null;
  return { lat: a, lng: b };
}
