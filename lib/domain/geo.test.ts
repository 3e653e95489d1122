import { describe, expect, it } from 'vitest';
import { haversineMeters, isInServiceArea } from './geo';

describe('haversineMeters', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: -6.002685, lng: 106.011202 };
    const b = { lat: -5.930833, lng: 105.995278 };
    expect(haversineMeters(a, a)).toBe(0);
    expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 6);
  });
  it('measures one thousandth of a degree of latitude as about 111 m', () => {
    expect(haversineMeters({ lat: -6.0, lng: 106.0 }, { lat: -6.001, lng: 106.0 })).toBeCloseTo(111.19, 1);
  });
  it('puts Pelabuhan Merak about 8 km from the city centre point', () => {
    const d = haversineMeters({ lat: -6.002685, lng: 106.011202 }, { lat: -5.930833, lng: 105.995278 });
    expect(d).toBeGreaterThan(8000);
    expect(d).toBeLessThan(8400);
  });
});

describe('isInServiceArea', () => {
  it('accepts the city and refuses Serang and Jakarta', () => {
    expect(isInServiceArea({ lat: -6.002685, lng: 106.011202 })).toBe(true);
    expect(isInServiceArea({ lat: -6.12, lng: 106.15 })).toBe(false);
    expect(isInServiceArea({ lat: -6.2, lng: 106.85 })).toBe(false);
  });
});
