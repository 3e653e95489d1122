/**
 * The nearest-post list of the dispatch screen, ranked by the incident category's run card: the
 * recommended set first — for every kind the card names, the nearest post of that kind (one post per
 * recommended agency), lead kinds before supporting ones — then the other posts of lead kinds, of
 * supporting kinds, and the rest, each group nearest first. Without this a fire listed five PSC 119
 * puskesmas before the only nearby fire station. Posts of inactive agencies, and inactive posts, are
 * never offered (dispatch would refuse the agency: agency_inactive).
 */
import { agencyRole, type AgencyKind, type AgencyRole, type RunCard } from './dispatch-agencies';
import { rankPostsByEta, type RankedPost } from './eta';
import type { LatLng } from './geo';

export interface RankablePost extends LatLng {
  id: string;
  name: string;
  agency_id: string;
  active: boolean;
}

export interface RankableAgency {
  id: string;
  kind: AgencyKind;
  active: boolean;
}

export interface DispatchPostRow<P, A> extends RankedPost<P> {
  agency: A;
  role: AgencyRole | null;
  /** The nearest post of one of the card's kinds: the set the supervisor is advised to dispatch. */
  recommended: boolean;
}

function group(row: { role: AgencyRole | null; recommended: boolean }): number {
  if (row.recommended) return row.role === 'lead' ? 0 : 1;
  return row.role === 'lead' ? 2 : row.role === 'support' ? 3 : 4;
}

export function rankPostsForIncident<P extends RankablePost, A extends RankableAgency>(
  incident: LatLng,
  posts: readonly P[],
  agencies: ReadonlyMap<string, A>,
  card: RunCard | undefined,
): DispatchPostRow<P, A>[] {
  const offered = posts.filter((p) => p.active && agencies.get(p.agency_id)?.active === true);
  const byDistance = rankPostsByEta(incident, offered).map((r) => {
    const agency = agencies.get(r.post.agency_id)!;
    return { ...r, agency, role: agencyRole(card, agency.kind), recommended: false };
  });
  // Nearest first, so the first post met of a kind is that kind's recommendation.
  const wanted = new Set<AgencyKind>([...(card?.lead_kinds ?? []), ...(card?.support_kinds ?? [])]);
  for (const row of byDistance) {
    if (wanted.delete(row.agency.kind)) row.recommended = true;
  }
  // Array.prototype.sort is stable: within a group the distance order stays.
  return byDistance.sort((a, b) => group(a) - group(b));
}

/** Agencies whose posts stand out on the map for this card: active ones of a kind it calls for. */
export function calledAgencyIds<A extends RankableAgency>(agencies: Iterable<A>, card: RunCard | undefined): Set<string> {
  const ids = new Set<string>();
  for (const a of agencies) if (a.active && agencyRole(card, a.kind) !== null) ids.add(a.id);
  return ids;
}
