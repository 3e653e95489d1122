/**
 * Units on the map (issue #18 §3): for every assignment en route or on scene whose phone reported a
 * position, where it is, how far it still is from its incident in a straight line, and the ETA of
 * that distance by the estimate dispatch already uses for posts (eta.ts). It is an estimate from
 * the last reported position, not a promise.
 */
import { etaSeconds } from './eta';
import { distanceMetres, type LatLng } from './geo';
import type { AssignmentStatus } from './workflow';

export interface UnitAssignment {
  id: string;
  incident_id: string;
  agency_id: string;
  status: AssignmentStatus;
}

export interface UnitPosition extends LatLng {
  assignment_id: string;
  seq: number;
  accuracy_m: number;
  recorded_at: string;
}

export interface UnitOnMap extends LatLng {
  assignmentId: string;
  incidentId: string;
  agencyId: string;
  status: 'en_route' | 'on_scene';
  seq: number;
  recordedAt: string;
  accuracyM: number;
  /** Straight line to the incident. */
  distanceMetres: number;
  /** Road-factor estimate of that distance; 0 once on scene. */
  etaSeconds: number;
  /** The incident's point, for the line drawn to it. */
  target: LatLng;
}

export function unitsOnMap(
  assignments: readonly UnitAssignment[],
  positions: readonly UnitPosition[],
  incidents: ReadonlyMap<string, LatLng>,
): UnitOnMap[] {
  const latest = new Map<string, UnitPosition>();
  for (const p of positions) {
    const seen = latest.get(p.assignment_id);
    if (!seen || p.seq > seen.seq) latest.set(p.assignment_id, p);
  }
  const units: UnitOnMap[] = [];
  for (const a of assignments) {
    if (a.status !== 'en_route' && a.status !== 'on_scene') continue;
    const p = latest.get(a.id);
    const target = incidents.get(a.incident_id);
    if (!p || !target) continue;
    const d = distanceMetres(p, target);
    units.push({
      assignmentId: a.id,
      incidentId: a.incident_id,
      agencyId: a.agency_id,
      status: a.status,
      lat: p.lat,
      lng: p.lng,
      seq: p.seq,
      recordedAt: p.recorded_at,
      accuracyM: p.accuracy_m,
      distanceMetres: d,
      etaSeconds: a.status === 'on_scene' ? 0 : etaSeconds(d),
      target: { lat: target.lat, lng: target.lng },
    });
  }
  return units;
}
