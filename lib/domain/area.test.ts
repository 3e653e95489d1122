import { describe, expect, it } from 'vitest';
import { AREA_LIMITS, POLYGON_MAX_CORNERS, circleArea, isInArea, isValidArea, polygonArea } from './area';
import { distanceMetres } from './geo';

const centre = { lat: -6.0, lng: 106.03 };
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [106.02, -6.01],
      [106.04, -6.01],
      [106.04, -5.99],
      [106.02, -5.99],
      [106.02, -6.01],
    ] as [number, number][],
  ],
};

describe('circleArea', () => {
  it('makes a closed, valid ring whose corners lie at the radius', () => {
    const area = circleArea(centre, 1000);
    const ring = area.coordinates[0];
    expect(isValidArea(area)).toBe(true);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lng, lat] of ring) expect(Math.abs(distanceMetres(centre, { lat, lng }) - 1000)).toBeLessThan(2);
  });
  it('contains its centre and not a point beyond the radius', () => {
    const area = circleArea(centre, 500);
    expect(isInArea(area, centre)).toBe(true);
    expect(isInArea(area, { lat: -6.0, lng: 106.036 })).toBe(false);
  });
});

describe('isInArea (the rule of private.point_in_area)', () => {
  it('tells inside from outside the square the pgTAP file uses', () => {
    expect(isInArea(square, { lat: -6.0, lng: 106.03 })).toBe(true);
    expect(isInArea(square, { lat: -6.0, lng: 106.05 })).toBe(false);
    expect(isInArea(square, { lat: -6.02, lng: 106.03 })).toBe(false);
  });
});

describe('isValidArea (the rule of private.valid_major_area)', () => {
  it('refuses what the database refuses', () => {
    expect(isValidArea(square)).toBe(true);
    expect(isValidArea({ type: 'Point', coordinates: [106.03, -6.0] })).toBe(false);
    expect(isValidArea({ type: 'Polygon', coordinates: [square.coordinates[0].slice(0, 4)] })).toBe(false);
    expect(isValidArea({ type: 'Polygon', coordinates: [square.coordinates[0], square.coordinates[0]] })).toBe(false);
    expect(isValidArea({ type: 'Polygon', coordinates: [square.coordinates[0].map(([x, y]) => [x + 1, y])] })).toBe(false);
    expect(isValidArea({ type: 'Polygon', coordinates: [[['106.02', -6.01], [106.04, -6.01], [106.04, -5.99], ['106.02', -6.01]]] })).toBe(false);
    const many = Array.from({ length: AREA_LIMITS.maxPositions }, (_, i) => [106.02 + i * 1e-5, -6.01] as [number, number]);
    expect(isValidArea({ type: 'Polygon', coordinates: [[...many, many[0]]] })).toBe(false);
    expect(isValidArea(null)).toBe(false);
  });
});

describe('polygonArea', () => {
  const corners = [
    { lat: -6.01, lng: 106.02 },
    { lat: -6.01, lng: 106.04 },
    { lat: -5.99, lng: 106.04 },
  ];
  it('closes three or more clicked corners into a valid ring', () => {
    const area = polygonArea(corners);
    expect(area && isValidArea(area)).toBe(true);
    expect(area?.coordinates[0]).toHaveLength(4);
    expect(area && isInArea(area, { lat: -6.005, lng: 106.035 })).toBe(true);
  });
  it('is null with too few corners, too many, or one outside the service area', () => {
    expect(polygonArea(corners.slice(0, 2))).toBeNull();
    expect(polygonArea(Array.from({ length: POLYGON_MAX_CORNERS + 1 }, (_, i) => ({ lat: -6 + i * 1e-5, lng: 106 + (i % 2) * 1e-3 })))).toBeNull();
    expect(polygonArea([...corners, { lat: -7.5, lng: 106.03 }])).toBeNull();
  });
});
