/**
 * The simulated supervisor's choice of agencies: the set the dispatch screen recommends from the
 * category's run card (table run_cards; lib/domain/post-ranking.ts) — for each lead kind, then each
 * supporting kind, the agency whose nearest active post is closest to the incident.
 * Only agencies that have a simulated liaison are chosen: an assignment nobody works on would keep
 * its incident open forever and say nothing about the system.
 */
import type { AgencyKind, RunCard } from '../domain/dispatch-agencies';
import { rankPostsByEta } from '../domain/eta';
import type { LatLng } from '../domain/geo';

export interface RunCardAgency {
  id: string;
  kind: AgencyKind;
  active: boolean;
}

export interface RunCardPost extends LatLng {
  agency_id: string;
  name: string;
}

export interface RunCardChoice {
  agencyIds: string[];
  /** Kinds the category calls for that no staffed agency offers (reported in the summary). */
  missingKinds: AgencyKind[];
}

export function chooseAgencies(
  card: RunCard | undefined,
  at: LatLng,
  agencies: readonly RunCardAgency[],
  posts: readonly RunCardPost[],
  staffed: ReadonlySet<string>,
): RunCardChoice {
  const agencyIds: string[] = [];
  const missingKinds: AgencyKind[] = [];
  const ranked = rankPostsByEta(at, posts);
  for (const kind of [...(card?.lead_kinds ?? []), ...(card?.support_kinds ?? [])]) {
    const candidates = agencies.filter((a) => a.kind === kind && a.active && staffed.has(a.id));
    if (candidates.length === 0) {
      missingKinds.push(kind);
      continue;
    }
    const ids = new Set(candidates.map((a) => a.id));
    // Nearest post first; an agency without posts (an office not on the map) comes last, by id.
    const nearest = ranked.find((r) => ids.has(r.post.agency_id))?.post.agency_id;
    const chosen = nearest ?? [...ids].sort()[0];
    if (!agencyIds.includes(chosen)) agencyIds.push(chosen);
  }
  return { agencyIds, missingKinds };
}
