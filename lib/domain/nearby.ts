/**
 * The repeat-caller check before a ticket is created: open incidents of the same category within
 * 500 m reported in the last hour, nearest first. It mirrors public.nearby_open_incidents so the
 * console can run it instantly on the live list of open incidents while the operator moves the pin;
 * the same distance formula (haversine, mean Earth radius) keeps both answers equal.
 */
import type { IncidentStatus } from './workflow';
import type { LatLng } from './geo';

export const NEARBY_RADIUS_M = 500;
export const NEARBY_WINDOW_MS = 60 * 60 * 1000;
const EARTH_RADIUS_M = 6371008.8;

const CLOSED: readonly IncidentStatus[] = ['closed', 'cancelled'];

export interface NearbyCandidate {
  id: string;
  category: string;
  status: IncidentStatus;
  lat: number;
  lng: number;
  reported_at: string;
}

export type WithDistance<T> = T & { distance_m: number };

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres, the formula of private.haversine_m. */
export function distanceM(a: LatLng, b: LatLng): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyQuery {
  point: LatLng;
  category: string;
  /** Database clock estimate, epoch ms. */
  nowMs: number;
  radiusM?: number;
  windowMs?: number;
}

export function findNearbyIncidents<T extends NearbyCandidate>(incidents: readonly T[], query: NearbyQuery): WithDistance<T>[] {
  const radius = query.radiusM ?? NEARBY_RADIUS_M;
  const since = query.nowMs - (query.windowMs ?? NEARBY_WINDOW_MS);
  const found: WithDistance<T>[] = [];
  for (const incident of incidents) {
    if (CLOSED.includes(incident.status) || incident.category !== query.category) continue;
    if (Date.parse(incident.reported_at) < since) continue;
    const d = distanceM(query.point, incident);
    if (d <= radius) found.push({ ...incident, distance_m: d });
  }
  return found.sort((a, b) => a.distance_m - b.distance_m || Date.parse(b.reported_at) - Date.parse(a.reported_at));
}
