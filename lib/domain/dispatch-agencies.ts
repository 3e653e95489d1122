/**
 * Which kinds of agency (OPD) an incident category calls for, read from its run card (rencana
 * respons, table run_cards, maintained by the administrator): `lead` kinds are normally dispatched
 * first, `support` kinds are often added (an ambulance to a fire). The supervisor still decides.
 * The run cards live in the database only; these functions take the card they apply.
 */
import type { Enums, Tables } from '../supabase/database.types';

export type IncidentCategory = Enums<'incident_category'>;
export type AgencyKind = Enums<'agency_kind'>;
export type RunCard = Pick<Tables<'run_cards'>, 'category' | 'lead_kinds' | 'support_kinds'>;
export type AgencyRole = 'lead' | 'support';

/** The run card of a category among the cards read, or undefined when there is none. */
export function runCardFor<C extends RunCard>(cards: readonly C[], category: IncidentCategory): C | undefined {
  return cards.find((c) => c.category === category);
}

/** `lead`, `support`, or null when the card does not call for the kind (or there is no card). */
export function agencyRole(card: RunCard | undefined, kind: AgencyKind): AgencyRole | null {
  if (!card) return null;
  if (card.lead_kinds.includes(kind)) return 'lead';
  if (card.support_kinds.includes(kind)) return 'support';
  return null;
}
