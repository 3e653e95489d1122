/**
 * The statistics page's load as a leadership user gets it: app/stats/page.tsx reads everything at once
 * (Promise.all over lib/data/stats.ts loadStatsReport, lib/data/dispatch-accuracy.ts loadDispatchAccuracy
 * and loadCoverage, lib/data/major-incidents.ts readMajorIncidentStats), so the page waits for its
 * slowest answer, not for the sum. Each request here is what PostgREST would run for it: its own pool
 * connection and transaction, the leadership role and claims, then the query. A load's time is the
 * time until the last answer is in.
 */
import type { Database, Queryable } from '../supabase/local/db/database.ts';

/** What a leadership user's page sends for its range (no per-operator figures: those are a supervisor's). */
/** `ranged`: the request takes the page's range as $1, $2. */
export const LEADERSHIP_PAGE_REQUESTS: readonly { sql: string; ranged: boolean }[] = [
  { sql: `select * from public.stats_calls_by_type($1, $2, 'day')`, ranged: true },
  { sql: `select * from public.stats_sla_compliance($1, $2)`, ranged: true },
  { sql: `select * from public.stats_incidents_by_category($1, $2)`, ranged: true },
  { sql: `select * from public.stats_incidents_by_kecamatan($1, $2)`, ranged: true },
  { sql: `select * from public.stats_agency_response($1, $2)`, ranged: true },
  { sql: `select * from public.stats_answer_time($1, $2)`, ranged: true },
  { sql: `select * from public.stats_dispatch_accuracy($1, $2)`, ranged: true },
  { sql: `select * from public.stats_major_incidents($1, $2)`, ranged: true },
  // The two table reads beside them: agency names for dispatch accuracy, active posts for coverage.
  { sql: `select id, code, name from public.agencies`, ranged: false },
  {
    sql: `select p.lat, p.lng, a.kind from public.agency_posts p join public.agencies a on a.id = p.agency_id
           where p.active order by p.name`,
    ranged: false,
  },
];

type PageRequest = (typeof LEADERSHIP_PAGE_REQUESTS)[number];

async function asLeader(db: Database, leader: string, request: PageRequest, args: readonly string[]): Promise<void> {
  await db.transaction(async (tx: Queryable) => {
    await tx.query(
      `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
              set_config('request.jwt.claim.sub', $2, true), set_config('search_path', 'public, extensions', true)`,
      [JSON.stringify({ sub: leader, role: 'authenticated' }), leader],
    );
    await tx.query(request.sql, request.ranged ? [...args] : []);
  });
}

/** One page load: every request sent at once; milliseconds until the last answer. */
export async function timePageLoad(db: Database, leader: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(LEADERSHIP_PAGE_REQUESTS.map((r) => asLeader(db, leader, r, args)));
  return performance.now() - started;
}

/** The same requests one after the other, for the ratio in the same run. */
export async function timePageSerial(db: Database, leader: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const r of LEADERSHIP_PAGE_REQUESTS) await asLeader(db, leader, r, args);
  return performance.now() - started;
}
