import { describe, expect, it } from 'vitest';
import { etaMinutes, etaSeconds, rankPostsByEta, ROAD_FACTOR, URBAN_SPEED_KMH } from './eta';

describe('etaSeconds', () => {
  it('drives the straight line stretched by the road factor at the urban speed', () => {
    expect(ROAD_FACTOR).toBe(1.4);
    expect(URBAN_SPEED_KMH).toBe(30);
    // 5 km straight = 7 km of road at 30 km/h = 14 minutes.
    expect(etaSeconds(5000)).toBeCloseTo(14 * 60, 6);
    expect(etaSeconds(0)).toBe(0);
  });

  it('refuses a negative or missing distance', () => {
    expect(() => etaSeconds(-1)).toThrow(RangeError);
    expect(() => etaSeconds(Number.NaN)).toThrow(RangeError);
  });

  it('rounds to whole minutes, never below one', () => {
    expect(etaMinutes(10)).toBe(1);
    expect(etaMinutes(150)).toBe(3);
    expect(etaMinutes(14 * 60)).toBe(14);
  });
});

describe('rankPostsByEta', () => {
  const incident = { lat: -6.0, lng: 106.02 };
  const posts = [
    { id: 'pulomerak', name: 'Pos Pulomerak', lat: -5.925, lng: 106.017 },
    { id: 'citangkil', name: 'Pos Citangkil', lat: -6.03, lng: 106.012 },
    { id: 'purwakarta', name: 'Pos Purwakarta', lat: -5.985, lng: 106.032 },
  ];

  it('orders posts by straight-line distance with rising estimates', () => {
    const ranked = rankPostsByEta(incident, posts);
    expect(ranked.map((r) => r.post.id)).toEqual(['purwakarta', 'citangkil', 'pulomerak']);
    for (let i = 1; i < ranked.length; i++) {
      expect(ranked[i].distanceMetres).toBeGreaterThan(ranked[i - 1].distanceMetres);
      expect(ranked[i].etaSeconds).toBeGreaterThan(ranked[i - 1].etaSeconds);
    }
    expect(ranked[0].etaSeconds).toBeCloseTo(etaSeconds(ranked[0].distanceMetres), 9);
  });

  it('breaks ties by name and does not change its input', () => {
    const twins = [
      { name: 'B', lat: -6.01, lng: 106.02 },
      { name: 'A', lat: -6.01, lng: 106.02 },
    ];
    expect(rankPostsByEta(incident, twins).map((r) => r.post.name)).toEqual(['A', 'B']);
    expect(twins.map((p) => p.name)).toEqual(['B', 'A']);
  });

  it('returns nothing for no posts', () => {
    expect(rankPostsByEta(incident, [])).toEqual([]);
  });
});
