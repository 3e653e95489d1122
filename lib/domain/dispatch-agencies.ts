/**
 * Which kinds of agency (OPD) an incident category calls for. `primary` kinds are normally
 * dispatched; `support` kinds are often added (an ambulance to a fire, social services to a flood).
 * The dispatch screen lists the posts of agencies of these kinds first; the supervisor still decides.
 */
export type IncidentCategory =
  | 'fire'
  | 'medical'
  | 'traffic_accident'
  | 'crime'
  | 'flood'
  | 'disaster'
  | 'industrial_accident'
  | 'rescue'
  | 'public_order'
  | 'other';

export type AgencyKind = 'fire' | 'medical' | 'police' | 'disaster' | 'public_order' | 'transport' | 'utility' | 'social' | 'other';

export interface AgencyKindsForCategory {
  primary: readonly AgencyKind[];
  support: readonly AgencyKind[];
}

const MAPPING: Record<IncidentCategory, AgencyKindsForCategory> = {
  fire: { primary: ['fire'], support: ['medical'] },
  medical: { primary: ['medical'], support: [] },
  traffic_accident: { primary: ['police', 'medical'], support: ['transport'] },
  crime: { primary: ['police'], support: [] },
  flood: { primary: ['disaster'], support: ['social'] },
  disaster: { primary: ['disaster'], support: ['social'] },
  // Cilegon's chemical and steel plants: fire brigade and ambulance first, BPBD for wider hazards.
  industrial_accident: { primary: ['fire', 'medical'], support: ['disaster'] },
  // BPBD and Basarnas are both of kind `disaster`; the fire brigade also does rescue work.
  rescue: { primary: ['disaster'], support: ['fire'] },
  public_order: { primary: ['public_order'], support: ['police'] },
  other: { primary: ['public_order'], support: [] },
};

export function agencyKindsFor(category: IncidentCategory): AgencyKindsForCategory {
  return MAPPING[category];
}

/** `primary`, `support`, or null when the kind is not called for by the category. */
export function agencyMatch(category: IncidentCategory, kind: AgencyKind): 'primary' | 'support' | null {
  const { primary, support } = MAPPING[category];
  if (primary.includes(kind)) return 'primary';
  if (support.includes(kind)) return 'support';
  return null;
}
