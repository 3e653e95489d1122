import { describe, expect, it } from 'vitest';
import { distanceMetres, isInServiceArea, SERVICE_AREA } from './geo';

const centre = { lat: -6.002685, lng: 106.011202 };
const merak = { lat: -5.930833, lng: 105.995278 };

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMetres(centre, centre)).toBe(0);
    expect(distanceMetres(centre, merak)).toBeCloseTo(distanceMetres(merak, centre), 6);
    const a = { lat: -6.0, lng: 106.0 };
    const b = { lat: -5.93, lng: 105.99 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });

  it('gives about 111.2 km per degree of latitude, 111 m per thousandth', () => {
    expect(distanceMetres({ lat: 0, lng: 106 }, { lat: 1, lng: 106 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ lat: -6.0, lng: 106.0 }, { lat: -6.001, lng: 106.0 })).toBeCloseTo(111.19, 1);
    const base = { lat: -6.005, lng: 106.05 };
    expect(distanceMetres(base, { lat: base.lat + 500 / 111_195, lng: base.lng })).toBeCloseTo(500, 0);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atEquator = distanceMetres({ lat: 0, lng: 106 }, { lat: 0, lng: 106.01 });
    const atCilegon = distanceMetres({ lat: -6, lng: 106 }, { lat: -6, lng: 106.01 });
    expect(atCilegon / atEquator).toBeCloseTo(Math.cos((6 * Math.PI) / 180), 4);
    expect(distanceMetres({ lat: -6.005, lng: 106.05 }, { lat: -6.005, lng: 106.06 })).toBeCloseTo(1105.8, 0);
  });

  it('measures places of Cilegon as a map does', () => {
    const merakToCentre = distanceMetres(centre, merak);
    expect(merakToCentre).toBeGreaterThan(8000);
    expect(merakToCentre).toBeLessThan(8400);
    // Mapolres Cilegon to RSUD Kota Cilegon.
    const d = distanceMetres({ lat: -5.991973, lng: 106.030612 }, { lat: -6.011973, lng: 106.050612 });
    expect(d).toBeGreaterThan(3000);
    expect(d).toBeLessThan(3200);
  });
});

describe('isInServiceArea', () => {
  it('accepts the city and refuses Serang and Jakarta', () => {
    expect(isInServiceArea(centre)).toBe(true);
    expect(isInServiceArea({ lat: -6.12, lng: 106.15 })).toBe(false);
    expect(isInServiceArea({ lat: -6.2, lng: 106.85 })).toBe(false);
  });

  it('includes its edges and corners and refuses just past each edge', () => {
    const { south, north, west, east } = SERVICE_AREA;
    const midLat = (south + north) / 2;
    const midLng = (west + east) / 2;
    for (const lat of [south, north]) for (const lng of [west, east]) expect(isInServiceArea({ lat, lng })).toBe(true);
    expect(isInServiceArea({ lat: south - 1e-9, lng: midLng })).toBe(false);
    expect(isInServiceArea({ lat: north + 1e-9, lng: midLng })).toBe(false);
    expect(isInServiceArea({ lat: midLat, lng: west - 1e-9 })).toBe(false);
    expect(isInServiceArea({ lat: midLat, lng: east + 1e-9 })).toBe(false);
  });
});
