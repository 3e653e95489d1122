/**
 * Typed reads of dispatch accuracy and coverage (issue #18 §5): public.stats_dispatch_accuracy per
 * category over a [from, to) range, public.run_card_feedback_hints for the run-card screen, and the
 * active posts with their agency's kind for lib/domain/coverage.ts. The agencies the statistics name
 * by id are resolved here, so screens get names. Reads return data or throw a ReadError.
 */
import { Constants, type Enums } from '@/lib/supabase/database.types';
import { coverageByKind, KELURAHAN_AREAS, type CoveragePost, type KindCoverage } from '@/lib/domain/coverage';
import type { Db } from './db';
import { readData } from './read';

type AgencyKind = Enums<'agency_kind'>;
type Category = Enums<'incident_category'>;

export interface NamedAgency {
  id: string;
  code: string;
  name: string;
}

export interface DispatchAccuracy {
  category: Category;
  answered: number;
  right: number;
  unneeded: number;
  missing: number;
  rightShare: number;
  unneededShare: number;
  missingShare: number;
  topUnneeded: { agency: NamedAgency; times: number } | null;
  topMissing: { agency: NamedAgency; times: number } | null;
}

export interface RunCardHint {
  category: Category;
  agency: NamedAgency;
  answers: number;
  notNeeded: number;
}

async function agencyNames(client: Db): Promise<Map<string, NamedAgency>> {
  const rows = readData('agencies', await client.from('agencies').select('id, code, name'));
  return new Map(rows.map((a) => [a.id, a]));
}

function named(names: Map<string, NamedAgency>, id: string | null, times: number | null) {
  if (id === null || times === null) return null;
  return { agency: names.get(id) ?? { id, code: '?', name: '?' }, times: Number(times) };
}

export async function loadDispatchAccuracy(client: Db, range: { fromIso: string; toIso: string }): Promise<DispatchAccuracy[]> {
  const [answer, names] = await Promise.all([
    client.rpc('stats_dispatch_accuracy', { p_from: range.fromIso, p_to: range.toIso }),
    agencyNames(client),
  ]);
  // The generated type cannot say the top agencies are null for a category where none was named.
  const rows = readData('dispatch accuracy', answer);
  return rows.map((r) => ({
    category: r.category,
    answered: Number(r.answered),
    right: Number(r.right_count),
    unneeded: Number(r.unneeded_count),
    missing: Number(r.missing_count),
    rightShare: Number(r.right_share),
    unneededShare: Number(r.unneeded_share),
    missingShare: Number(r.missing_share),
    topUnneeded: named(names, r.top_unneeded_agency_id as string | null, r.top_unneeded_times as number | null),
    topMissing: named(names, r.top_missing_agency_id as string | null, r.top_missing_times as number | null),
  }));
}

/** How many of an agency's last answers per category the hints look at. */
export const HINT_LAST_ANSWERS = 10;

export async function loadRunCardHints(client: Db): Promise<RunCardHint[]> {
  const [answer, names] = await Promise.all([client.rpc('run_card_feedback_hints', { p_last: HINT_LAST_ANSWERS }), agencyNames(client)]);
  return readData('run-card hints', answer).map((r) => ({
    category: r.category,
    agency: names.get(r.agency_id) ?? { id: r.agency_id, code: '?', name: '?' },
    answers: Number(r.answers),
    notNeeded: Number(r.not_needed),
  }));
}

export interface Coverage {
  posts: CoveragePost<AgencyKind>[];
  kinds: KindCoverage<AgencyKind>[];
}

// The order kinds are listed in: the database enum's.
const KIND_ORDER: readonly AgencyKind[] = Constants.public.Enums.agency_kind;

/** Coverage of every agency kind with an active post, from the posts as the admins keep them. */
export async function loadCoverage(client: Db): Promise<Coverage> {
  const rows = readData(
    'posts for coverage',
    await client.from('agency_posts').select('lat, lng, agency:agencies!inner(kind)').eq('active', true).order('name'),
  );
  const posts = rows.map((p) => ({ kind: p.agency.kind, lat: p.lat, lng: p.lng }));
  const kinds = coverageByKind(KELURAHAN_AREAS, posts).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return { posts, kinds };
}
