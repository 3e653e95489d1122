/**
 * Agencies a hazard adds to an incident's run card (issue #18 §2): a fire 300 m from the chemical zone
 * also calls BPBD, a crash inside the steel works also calls Damkar. These rules are reviewed data in
 * code, not an admin table yet; each addition keeps its reason, which the dispatch proposal shows
 * ("BPBD: 300 m dari kawasan industri kimia"). The supervisor still decides.
 */
import type { AgencyKind, IncidentCategory, RunCard } from './dispatch-agencies';
import type { HazardKind } from './hazards';
import { hazardsNear, type HazardProximity } from './hazard-proximity';
import type { Hazard } from './hazards';
import type { LatLng } from './geo';

export interface HazardRule {
  hazard: HazardKind;
  /** Categories the rule applies to: a medical call 800 m from a factory needs no disaster agency. */
  categories: readonly IncidentCategory[];
  adds: readonly AgencyKind[];
}

/** Incidents that can spread into or from an industrial site. */
const INDUSTRIAL_CATEGORIES: readonly IncidentCategory[] = ['fire', 'industrial_accident', 'disaster', 'traffic_accident', 'other'];

export const HAZARD_RULES: readonly HazardRule[] = [
  // Release of chemicals: BPBD coordinates evacuation and the wider response.
  { hazard: 'industrial_chemical', categories: INDUSTRIAL_CATEGORIES, adds: ['disaster', 'fire'] },
  // Dover Chemical 2016 and 2018: an explosion calls both fire and disaster agencies.
  { hazard: 'industrial_explosion', categories: INDUSTRIAL_CATEGORIES, adds: ['disaster', 'fire'] },
  { hazard: 'industrial_fire', categories: INDUSTRIAL_CATEGORIES, adds: ['fire'] },
  { hazard: 'power_plant', categories: INDUSTRIAL_CATEGORIES, adds: ['fire'] },
  // BMKG's Sunda Strait scenario: an earthquake or flood report inside the zone may be the first sign.
  { hazard: 'tsunami_zone', categories: ['disaster', 'flood'], adds: ['disaster'] },
  { hazard: 'flood_prone_kelurahan', categories: ['flood', 'disaster'], adds: ['disaster'] },
];

export interface HazardAddition {
  kind: AgencyKind;
  /** The nearest hazard that called for the kind (inside first). */
  because: HazardProximity;
}

/** Kinds the hazards near `point` add for `category`, each with its strongest reason, in rule order. */
export function hazardAdditions(point: LatLng, category: IncidentCategory, hazards: readonly Hazard[], rules: readonly HazardRule[] = HAZARD_RULES): HazardAddition[] {
  // hazardsNear orders inside before near and near before far: the first reason met is the strongest.
  const near = hazardsNear(point, hazards, Infinity);
  const out = new Map<AgencyKind, HazardAddition>();
  for (const prox of near) {
    for (const rule of rules) {
      if (rule.hazard !== prox.hazard.kind || !rule.categories.includes(category)) continue;
      for (const kind of rule.adds) if (!out.has(kind)) out.set(kind, { kind, because: prox });
    }
  }
  return [...out.values()];
}

/**
 * The card with the additions as supporting kinds. Kinds the card already names keep their role and
 * are dropped from the additions (no reason to show for what the card asks anyway).
 */
export function withHazardAdditions(
  card: RunCard | undefined,
  category: IncidentCategory,
  additions: readonly HazardAddition[],
): { card: RunCard | undefined; added: HazardAddition[] } {
  const named = new Set<AgencyKind>([...(card?.lead_kinds ?? []), ...(card?.support_kinds ?? [])]);
  const added = additions.filter((a) => !named.has(a.kind));
  if (added.length === 0) return { card, added };
  return {
    card: {
      category,
      lead_kinds: card?.lead_kinds ?? [],
      support_kinds: [...(card?.support_kinds ?? []), ...added.map((a) => a.kind)],
    },
    added,
  };
}
