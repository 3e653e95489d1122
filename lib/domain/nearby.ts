/**
 * The repeat-caller check before a ticket is created: open incidents of the same category within
 * 500 m reported in the last hour, nearest first. It mirrors public.nearby_open_incidents so the
 * console can run it instantly on the live list of open incidents while the operator moves the pin;
 * geo.ts's distance is the SQL's formula, so both answers are equal.
 */
import { isIncidentOpen, type IncidentStatus } from './workflow';
import { DUPLICATE_RADIUS_M, distanceMetres, type LatLng } from './geo';

export const NEARBY_WINDOW_MS = 60 * 60 * 1000;

export interface NearbyCandidate extends LatLng {
  id: string;
  category: string;
  status: IncidentStatus;
  reported_at: string;
}

export type WithDistance<T> = T & { distance_m: number };

export interface NearbyQuery {
  point: LatLng;
  category: string;
  /** Database clock estimate, epoch ms. */
  nowMs: number;
  radiusM?: number;
  windowMs?: number;
}

export function findNearbyIncidents<T extends NearbyCandidate>(incidents: readonly T[], query: NearbyQuery): WithDistance<T>[] {
  const radius = query.radiusM ?? DUPLICATE_RADIUS_M;
  const since = query.nowMs - (query.windowMs ?? NEARBY_WINDOW_MS);
  const found: WithDistance<T>[] = [];
  for (const incident of incidents) {
    if (!isIncidentOpen(incident.status) || incident.category !== query.category) continue;
    if (Date.parse(incident.reported_at) < since) continue;
    const d = distanceMetres(query.point, incident);
    if (d <= radius) found.push({ ...incident, distance_m: d });
  }
  return found.sort((a, b) => a.distance_m - b.distance_m || Date.parse(b.reported_at) - Date.parse(a.reported_at));
}
