/**
 * Which groups of the hazard layer a user shows, as kept in localStorage: every group on until the
 * user hides one. Whatever the storage holds is untrusted (another version, a hand edit): anything
 * that is not a known group is ignored.
 */
import { HAZARD_GROUPS, type HazardGroup } from './hazards';

export type HazardToggles = Readonly<Record<HazardGroup, boolean>>;

function togglesWhere(on: (group: HazardGroup) => boolean): HazardToggles {
  return { industrial: on('industrial'), transport: on('transport'), health_education: on('health_education'), flood: on('flood'), tsunami: on('tsunami') };
}

export const ALL_GROUPS_ON: HazardToggles = togglesWhere(() => true);

export function hazardTogglesKey(userId: string | null): string {
  return `hazard-layer:${userId ?? 'anonymous'}`;
}

/** Stored as the list of hidden groups, so a group added later starts visible. */
export function parseHazardToggles(stored: string | null): HazardToggles {
  if (!stored || stored.length > 1000) return ALL_GROUPS_ON;
  let hidden: unknown;
  try {
    hidden = JSON.parse(stored);
  } catch {
    return ALL_GROUPS_ON;
  }
  if (!Array.isArray(hidden)) return ALL_GROUPS_ON;
  const off = new Set(hidden.filter((g): g is HazardGroup => typeof g === 'string' && (HAZARD_GROUPS as readonly string[]).includes(g)));
  return togglesWhere((g) => !off.has(g));
}

export function serializeHazardToggles(toggles: HazardToggles): string {
  return JSON.stringify(HAZARD_GROUPS.filter((g) => !toggles[g]));
}
