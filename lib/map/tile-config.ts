/**
 * Which tile server the maps use, read at run time on the server so one build serves every center:
 * OpenStreetMap by default, `MAP_TILE_URL` for a center's own tile server, `MAP_TILE_URL=off` for none
 * (the offline coastline layer and the markers still show).
 */
export interface TileConfig {
  /** Leaflet URL template, or null when tiles are switched off. */
  url: string | null;
  attribution: string;
}

const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export function tileConfigFromEnv(env: Record<string, string | undefined> = process.env): TileConfig {
  const configured = env.MAP_TILE_URL?.trim();
  if (configured === 'off') return { url: null, attribution: '' };
  if (configured) return { url: configured, attribution: env.MAP_TILE_ATTRIBUTION ?? '' };
  return { url: OSM_URL, attribution: OSM_ATTRIBUTION };
}
