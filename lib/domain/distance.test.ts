import { describe, expect, it } from 'vitest';
import { distanceMetres } from './distance';

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: -6.0, lng: 106.0 };
    const b = { lat: -5.93, lng: 105.99 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });

  it('gives about 111.2 km per degree of latitude', () => {
    expect(distanceMetres({ lat: 0, lng: 106 }, { lat: 1, lng: 106 })).toBeCloseTo(111_195, -1);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atEquator = distanceMetres({ lat: 0, lng: 106 }, { lat: 0, lng: 106.01 });
    const atCilegon = distanceMetres({ lat: -6, lng: 106 }, { lat: -6, lng: 106.01 });
    expect(atCilegon / atEquator).toBeCloseTo(Math.cos((6 * Math.PI) / 180), 4);
  });

  it('measures Mapolres Cilegon to RSUD Kota Cilegon at about 2.9 km', () => {
    const d = distanceMetres({ lat: -5.991973, lng: 106.030612 }, { lat: -6.011973, lng: 106.050612 });
    expect(d).toBeGreaterThan(3000);
    expect(d).toBeLessThan(3200);
  });
});
