/**
 * Which kinds of agency (OPD) an incident category calls for. `primary` kinds are normally
 * dispatched; `support` kinds are often added (an ambulance to a fire, social services to a flood).
 * The dispatch screen lists the posts of agencies of these kinds first; the supervisor still decides.
 */
import type { Enums } from '../supabase/database.types';

export type IncidentCategory = Enums<'incident_category'>;
export type AgencyKind = Enums<'agency_kind'>;

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
