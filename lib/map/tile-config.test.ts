import { describe, expect, it } from 'vitest';
import { tileConfigFromEnv } from './tile-config.ts';

describe('tileConfigFromEnv', () => {
  it('defaults to OpenStreetMap with its attribution', () => {
    const c = tileConfigFromEnv({});
    expect(c.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(c.attribution).toContain('OpenStreetMap');
  });
  it('uses a center’s own tile server', () => {
    expect(tileConfigFromEnv({ MAP_TILE_URL: 'http://tiles.local/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Diskominfo' })).toEqual({
      url: 'http://tiles.local/{z}/{x}/{y}.png',
      attribution: 'Diskominfo',
    });
  });
  it('switches tiles off', () => {
    expect(tileConfigFromEnv({ MAP_TILE_URL: 'off' }).url).toBeNull();
  });
});
