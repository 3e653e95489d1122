import { describe, expect, it } from 'vitest';
import { findNearbyIncidents, type NearbyCandidate } from './nearby';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const base = { lat: -6.005, lng: 106.05 };
// 0.001° of latitude is about 111 m.
const north = (metres: number) => ({ lat: base.lat + metres / 111_195, lng: base.lng });

function incident(id: string, over: Partial<NearbyCandidate> = {}): NearbyCandidate {
  return { id, category: 'fire', status: 'reported', ...base, reported_at: '2026-11-28T09:50:00Z', ...over };
}

describe('findNearbyIncidents', () => {
  it('keeps open incidents of the same category within 500 m of the last hour, nearest first', () => {
    const list = [
      incident('far', north(501)),
      incident('near', north(120)),
      incident('nearest', north(10)),
      incident('edge', north(499)),
      incident('other-category', { category: 'medical' }),
      incident('closed', { status: 'closed' }),
      incident('cancelled', { status: 'cancelled' }),
      incident('old', { reported_at: '2026-11-28T08:59:59Z' }),
      incident('dispatched', { ...north(300), status: 'dispatched' }),
    ];
    const found = findNearbyIncidents(list, { point: base, category: 'fire', nowMs: NOW });
    expect(found.map((i) => i.id)).toEqual(['nearest', 'near', 'dispatched', 'edge']);
    expect(found[0].distance_m).toBeCloseTo(10, 0);
  });

  it('orders equal distances by the newest report and honours a custom radius and window', () => {
    const list = [incident('a', { reported_at: '2026-11-28T09:10:00Z' }), incident('b', { reported_at: '2026-11-28T09:40:00Z' })];
    expect(findNearbyIncidents(list, { point: base, category: 'fire', nowMs: NOW }).map((i) => i.id)).toEqual(['b', 'a']);
    expect(findNearbyIncidents(list, { point: base, category: 'fire', nowMs: NOW, windowMs: 30 * 60_000 }).map((i) => i.id)).toEqual(['b']);
    expect(findNearbyIncidents([incident('c', north(800))], { point: base, category: 'fire', nowMs: NOW, radiusM: 1000 })).toHaveLength(1);
  });
});
