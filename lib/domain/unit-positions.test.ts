import { describe, expect, it } from 'vitest';
import { etaSeconds } from './eta';
import { distanceMetres } from './geo';
import { unitsOnMap, type UnitAssignment, type UnitPosition } from './unit-positions';

const incident = { lat: -6.0, lng: 106.03 };
const incidents = new Map([['i1', incident]]);
const asg = (id: string, status: UnitAssignment['status']): UnitAssignment => ({ id, incident_id: 'i1', agency_id: 'ag', status });
const pos = (assignment_id: string, seq: number, lat: number): UnitPosition => ({
  assignment_id,
  seq,
  lat,
  lng: 106.03,
  accuracy_m: 10,
  recorded_at: `2026-12-03T06:00:${String(seq).padStart(2, '0')}Z`,
});

describe('unitsOnMap', () => {
  it('takes the newest position and estimates the ETA of the straight line left', () => {
    const [u] = unitsOnMap([asg('a1', 'en_route')], [pos('a1', 2, -6.01), pos('a1', 1, -6.02)], incidents);
    const d = distanceMetres({ lat: -6.01, lng: 106.03 }, incident);
    expect(u.seq).toBe(2);
    expect(u.distanceMetres).toBeCloseTo(d, 6);
    expect(u.etaSeconds).toBeCloseTo(etaSeconds(d), 6);
    expect(u.distanceMetres).toBeGreaterThan(1000);
    expect(u.target).toEqual(incident);
  });

  it('a unit closer to the incident has the smaller ETA', () => {
    const far = unitsOnMap([asg('a1', 'en_route')], [pos('a1', 1, -6.03)], incidents)[0];
    const near = unitsOnMap([asg('a1', 'en_route')], [pos('a1', 2, -6.005)], incidents)[0];
    expect(near.etaSeconds).toBeLessThan(far.etaSeconds);
  });

  it('on scene needs no ETA', () => {
    expect(unitsOnMap([asg('a1', 'on_scene')], [pos('a1', 1, -6.0005)], incidents)[0].etaSeconds).toBe(0);
  });

  it('shows no unit outside en route and on scene, without a position, or without its incident', () => {
    const positions = [pos('a1', 1, -6.01), pos('a2', 1, -6.01), pos('a3', 1, -6.01)];
    const units = unitsOnMap(
      [asg('a1', 'completed'), asg('a2', 'acknowledged'), { ...asg('a3', 'en_route'), incident_id: 'gone' }, asg('a4', 'en_route')],
      positions,
      incidents,
    );
    expect(units).toEqual([]);
  });
});
