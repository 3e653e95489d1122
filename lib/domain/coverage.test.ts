import { describe, expect, it } from 'vitest';
import { CITY_POPULATION_2020, COVERAGE_TARGET_SECONDS, KELURAHAN_AREAS, coverageByKind, splitEvenly, type KelurahanArea } from './coverage';
import { ROAD_FACTOR, URBAN_SPEED_KMH } from './eta';

// Straight-line metres that the ETA turns into exactly 15 minutes: 7.5 km of road / 1.4.
const FIFTEEN_MIN_M = ((URBAN_SPEED_KMH * 1000) / 60) * 15 / ROAD_FACTOR;
// Metres per degree of latitude on the sphere of geo.ts.
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;

function area(kelurahan: string, lat: number, population: number): KelurahanArea {
  return { kecamatan: 'Jombang', kelurahan, lat, lng: 106.05, population };
}

describe('splitEvenly', () => {
  it('adds up to the total, the remainder one each to the first parts', () => {
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(splitEvenly(CITY_POPULATION_2020, 43).reduce((a, b) => a + b, 0)).toBe(CITY_POPULATION_2020);
  });
  it('refuses nonsense', () => {
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(1.5, 2)).toThrow(RangeError);
  });
});

describe('KELURAHAN_AREAS', () => {
  it('has the 43 kelurahan, the city population split over them', () => {
    expect(KELURAHAN_AREAS).toHaveLength(43);
    expect(KELURAHAN_AREAS.reduce((s, a) => s + a.population, 0)).toBe(434_896);
    expect(new Set(KELURAHAN_AREAS.map((a) => a.kelurahan)).size).toBe(43);
  });
});

describe('coverageByKind', () => {
  const areas = [area('Dekat', -6.0, 100), area('Pas', -6.0 - (FIFTEEN_MIN_M - 1) / M_PER_DEG, 300), area('Jauh', -6.0 - (FIFTEEN_MIN_M + 50) / M_PER_DEG, 600)];

  it('counts the population whose nearest post of the kind is within 15 minutes', () => {
    const [fire] = coverageByKind(areas, [{ kind: 'fire', lat: -6.0, lng: 106.05 }]);
    expect(fire.kind).toBe('fire');
    expect(fire.posts).toBe(1);
    expect(fire.kelurahan.map((k) => k.reachable)).toEqual([true, true, false]);
    expect(fire.kelurahan[1].etaSeconds).toBeCloseTo(COVERAGE_TARGET_SECONDS, 0);
    expect(fire.population).toBe(1000);
    expect(fire.reachablePopulation).toBe(400);
    expect(fire.share).toBeCloseTo(0.4, 10);
  });

  it('takes the nearest post of each kind, and only of that kind', () => {
    const far = areas[2];
    const result = coverageByKind(areas, [
      { kind: 'police', lat: -6.0, lng: 106.05 },
      { kind: 'fire', lat: far.lat, lng: far.lng },
      { kind: 'police', lat: far.lat, lng: far.lng },
    ]);
    expect(result.map((r) => r.kind)).toEqual(['police', 'fire']);
    expect(result[0].posts).toBe(2);
    expect(result[0].share).toBe(1);
    expect(result[1].kelurahan.map((k) => k.reachable)).toEqual([false, true, true]);
    expect(result[1].kelurahan[2].etaSeconds).toBe(0);
  });

  it('honours another target, and gives nothing for no posts', () => {
    const [fire] = coverageByKind(areas, [{ kind: 'fire', lat: -6.0, lng: 106.05 }], 60);
    expect(fire.reachablePopulation).toBe(100);
    expect(coverageByKind(areas, [])).toEqual([]);
    expect(() => coverageByKind(areas, [], 0)).toThrow(RangeError);
  });
});
