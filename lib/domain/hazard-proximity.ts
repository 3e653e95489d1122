/**
 * Which hazards a point is inside or near, and the line a card shows for each ("500 m dari kawasan
 * industri kimia", "di dalam zona genangan tsunami"). Plain geometry without PostGIS or turf: over a
 * city a local equirectangular projection is accurate to well under a metre per kilometre, far
 * below the data's own precision (every outline is approximate).
 */
import { distanceMetres, EARTH_RADIUS_M, type LatLng } from './geo';
import type { Hazard, HazardKind } from './hazards';
import type { Translate } from '../i18n/translate';
import type { Language } from '../i18n/languages';
import { formatNumber } from '../i18n/format';

/**
 * How near counts as "near", per kind: industrial sites and the power plant 1 km (a release or a
 * blast reaches further than a fire next door), everything else 500 m, the repeat-caller radius.
 */
export const NEAR_METRES: Readonly<Record<HazardKind, number>> = {
  industrial_chemical: 1000,
  industrial_explosion: 1000,
  industrial_fire: 1000,
  power_plant: 1000,
  port: 500,
  hospital: 500,
  school: 500,
  toll_gate: 500,
  flood_prone_kelurahan: 500,
  tsunami_zone: 500,
};

export interface HazardProximity {
  hazard: Hazard;
  inside: boolean;
  /** 0 when inside; else to the nearest edge or to the point feature. */
  distanceMetres: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Metres east/north of `origin`: good enough inside one city. */
function project(p: LatLng, origin: LatLng): { x: number; y: number } {
  return {
    x: rad(p.lng - origin.lng) * Math.cos(rad(origin.lat)) * EARTH_RADIUS_M,
    y: rad(p.lat - origin.lat) * EARTH_RADIUS_M,
  };
}

/** Even-odd ray casting; a point on the edge may fall either way, which the distance then covers. */
export function insideRing(p: LatLng, ring: readonly LatLng[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng) inside = !inside;
  }
  return inside;
}

/** Shortest distance in metres from `p` to the ring's edges (the ring closes by itself). */
export function distanceToRing(p: LatLng, ring: readonly LatLng[]): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = project(ring[j], p);
    const b = project(ring[i], p);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(a.x * dx + a.y * dy) / len2));
    best = Math.min(best, Math.hypot(a.x + t * dx, a.y + t * dy));
  }
  return best;
}

export function proximityTo(p: LatLng, hazard: Hazard): HazardProximity {
  if (hazard.shape.type === 'point') return { hazard, inside: false, distanceMetres: distanceMetres(p, hazard.shape.at) };
  if (insideRing(p, hazard.shape.ring)) return { hazard, inside: true, distanceMetres: 0 };
  return { hazard, inside: false, distanceMetres: distanceToRing(p, hazard.shape.ring) };
}

/** How many lines a card shows at most: the nearest matter, a list of ten helps nobody. */
export const MAX_PROXIMITIES = 4;

/**
 * The hazards `p` is inside or within NEAR_METRES of: inside first, then nearest first, at most
 * `limit`. For each kind only the closest feature counts (two hospitals 300 m and 450 m away say
 * the same thing twice).
 */
export function hazardsNear(p: LatLng, hazards: readonly Hazard[], limit = MAX_PROXIMITIES): HazardProximity[] {
  const byKind = new Map<HazardKind, HazardProximity>();
  for (const h of hazards) {
    const prox = proximityTo(p, h);
    if (prox.distanceMetres > NEAR_METRES[h.kind]) continue;
    const held = byKind.get(h.kind);
    if (!held || prox.distanceMetres < held.distanceMetres) byKind.set(h.kind, prox);
  }
  return [...byKind.values()].sort((a, b) => Number(b.inside) - Number(a.inside) || a.distanceMetres - b.distanceMetres).slice(0, limit);
}

/** Distances on a card in steps of 50 m (the outlines are not better than that), never "0 m". */
export function roundedMetres(m: number): number {
  return Math.max(50, Math.round(m / 50) * 50);
}

/** The card's line: "di dalam zona genangan tsunami", "300 m dari kawasan industri kimia". */
export function describeProximity(prox: HazardProximity, t: Translate, lang: Language): string {
  const place = t(`hazard.place.${prox.hazard.kind}`);
  if (prox.inside) return t('hazard.inside', { place });
  return t('hazard.near', { distance: formatNumber(roundedMetres(prox.distanceMetres), lang), place });
}
