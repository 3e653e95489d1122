import { describe, expect, it } from 'vitest';
import { formatCoordinates, parseCoordinates } from './coordinates';

describe('coordinates', () => {
  it('reads lat, lng in the usual forms and swaps a lng, lat pair', () => {
    expect(parseCoordinates('-6.012345, 106.045678')).toEqual({ lat: -6.012345, lng: 106.045678 });
    expect(parseCoordinates('  -6.01 106.05 ')).toEqual({ lat: -6.01, lng: 106.05 });
    expect(parseCoordinates('-6.01;106.05')).toEqual({ lat: -6.01, lng: 106.05 });
    expect(parseCoordinates('106.05, -6.01')).toEqual({ lat: -6.01, lng: 106.05 });
  });

  it('refuses what is not a pair of numbers', () => {
    for (const bad of ['', '-6.01', 'a, b', '-6,01, 106,05', '-6.01, 106.05, 3', '200, 300']) {
      expect(parseCoordinates(bad), bad).toBeNull();
    }
  });

  it('formats a point so that it reads back the same', () => {
    const text = formatCoordinates({ lat: -6.0123456, lng: 106.0456789 });
    expect(text).toBe('-6.012346, 106.045679');
    expect(parseCoordinates(text)).toEqual({ lat: -6.012346, lng: 106.045679 });
  });
});
