/**
 * `npx tsx bench/statistics.ts`: how long the statistics page takes on a large history. Builds
 * 1,000,000 calls and 300,000 incidents (with ~1.3 assignments each) spread over the last 365 days,
 * generated in SQL on a freshly migrated database, then times each statistics function for a 30-day
 * range — called as a leadership user exactly as PostgREST would (role, claims, one transaction) —
 * against a naive aggregate query over the same rows, median of BENCH_RUNS runs. Target: one full
 * refresh of the statistics page (every function it calls) under 200 ms on PGlite.
 *
 * Environment: BENCH_CALLS, BENCH_INCIDENTS, BENCH_RUNS (default 9), BENCH_DAYS (default 365),
 * BENCH_BACKEND=postgres to run on a new database of TEST_DATABASE_URL instead of PGlite.
 */
import path from 'node:path';
import { openPglite } from '../supabase/local/db/pglite-database.ts';
import { openPostgres } from '../supabase/local/db/postgres-database.ts';
import { migrate } from '../supabase/local/db/migrate.ts';
import type { Database, Queryable } from '../supabase/local/db/database.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const BACKEND = process.env.BENCH_BACKEND === 'postgres' ? 'postgres' : 'pglite';
const root = path.resolve(import.meta.dirname, '..');

/** Each statistic the page shows, and the plain query someone would write for the same figure. */
const CASES: Array<{ name: string; fn: string; naive: string }> = [
  {
    name: 'calls by type (day)',
    fn: `select * from public.stats_calls_by_type($1, $2, 'day')`,
    naive: `select date_trunc('day', received_at, 'Asia/Jakarta'), call_type, count(*) from public.calls
            where received_at >= $1 and received_at < $2 group by 1, 2`,
  },
  {
    name: 'calls by hour of day',
    fn: `select * from public.stats_calls_by_hour_of_day($1, $2)`,
    naive: `select extract(hour from received_at at time zone 'Asia/Jakarta'), call_type, count(*) from public.calls
            where received_at >= $1 and received_at < $2 group by 1, 2`,
  },
  {
    name: 'SLA compliance',
    fn: `select * from public.stats_sla_compliance($1, $2)`,
    naive: `select percentile_cont(0.5) within group (order by extract(epoch from answered_at - received_at)),
                   percentile_cont(0.9) within group (order by extract(epoch from answered_at - received_at)),
                   percentile_cont(0.5) within group (order by extract(epoch from classified_at - answered_at)),
                   percentile_cont(0.9) within group (order by extract(epoch from classified_at - answered_at)),
                   percentile_cont(0.5) within group (order by extract(epoch from ended_at - classified_at)),
                   percentile_cont(0.9) within group (order by extract(epoch from ended_at - classified_at)),
                   percentile_cont(0.5) within group (order by extract(epoch from ended_at - received_at)),
                   percentile_cont(0.9) within group (order by extract(epoch from ended_at - received_at)),
                   avg((answered_at - received_at <= interval '60 seconds')::int)
            from public.calls where received_at >= $1 and received_at < $2`,
  },
  {
    name: 'incidents by category',
    fn: `select * from public.stats_incidents_by_category($1, $2)`,
    naive: `select category, status, count(*) from public.incidents where reported_at >= $1 and reported_at < $2 group by 1, 2`,
  },
  {
    name: 'incidents by kecamatan',
    fn: `select * from public.stats_incidents_by_kecamatan($1, $2)`,
    naive: `select kecamatan, count(*), percentile_cont(0.5) within group (order by extract(epoch from on_scene_at - dispatched_at))
            from public.incidents where reported_at >= $1 and reported_at < $2 group by 1`,
  },
  {
    name: 'OPD response per agency',
    fn: `select * from public.stats_agency_response($1, $2)`,
    naive: `select agency_id, count(*), percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - assigned_at)),
                   percentile_cont(0.5) within group (order by extract(epoch from on_scene_at - assigned_at))
            from public.assignments where assigned_at >= $1 and assigned_at < $2 group by 1`,
  },
  {
    name: 'operator stage times',
    fn: `select * from public.stats_operator_stage_times($1, $2)`,
    naive: `select operator_id, count(*), percentile_cont(0.5) within group (order by extract(epoch from answered_at - received_at))
            from public.calls where received_at >= $1 and received_at < $2 group by 1`,
  },
];

async function openBackend(): Promise<{ db: Database; drop(): Promise<void> }> {
  if (BACKEND === 'postgres') {
    const created = await createTestDatabase();
    const db = await openPostgres(created.url);
    return {
      db,
      async drop() {
        await db.close();
        await created.drop();
      },
    };
  }
  const db = await openPglite('memory://');
  return { db, drop: () => db.close() };
}

async function build(db: Database): Promise<string> {
  await migrate(db, path.join(root, 'supabase', 'migrations'));
  await db.exec(`
    insert into public.agencies (code, name, kind)
    select 'AG' || g, 'Agency ' || g, 'other' from generate_series(1, 9) g;
    insert into auth.users (id, email)
    select md5('bench-user' || g)::uuid, 'bench' || g || '@bench.test' from generate_series(0, 6) g;
    insert into public.profiles (id, full_name, role)
    select md5('bench-user' || g)::uuid, 'Bench user ' || g, case when g = 0 then 'leadership' else 'operator' end::public.app_role
    from generate_series(0, 6) g;
  `);
  const days = DAYS;
  // Secondary indexes are dropped for the load and rebuilt afterwards (a sorted build is much faster
  // than a million single inserts); the same definitions come back, so queries see the real schema.
  await db.exec(`
    set session_replication_role = replica;
    create temp table bench_indexes as
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname in ('calls', 'incidents', 'assignments')
      and not exists (select from pg_constraint k where k.conindid = i.indexrelid);
    do $$ declare r record; begin for r in select * from bench_indexes loop execute 'drop index ' || r.name; end loop; end $$;
    select setseed(0.5);
    insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, operator_id)
    select t, t + a * interval '1 second', t + (a + c) * interval '1 second', t + (a + c + e) * interval '1 second',
           (array['emergency', 'ghost', 'prank', 'info'])[1 + floor(u * 4)::int]::public.call_type,
           md5('bench-user' || (1 + floor(o * 6)::int))::uuid
    from (
      select now() - random() * interval '${days} days' as t, 3 + -ln(1 - random()) * 17 as a,
             5 + -ln(1 - random()) * 15 as c, 2 + -ln(1 - random()) * 8 as e, random() as u, random() as o
      from generate_series(1, ${CALLS})
    ) x;
    insert into public.incidents (ticket_no, status, category, priority, description, lat, lng, kecamatan,
      reported_at, dispatched_at, acknowledged_at, on_scene_at, resolved_at, closed_at, close_summary)
    select '112-' || to_char(t, 'YYYYMMDD') || '-' || lpad(g::text, 7, '0'), 'closed',
           (enum_range(null::public.incident_category))[1 + floor(u * 10)::int], 'medium', 'Bench', -6.0, 106.0,
           (array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan'])[1 + floor(k * 8)::int],
           t, t + d * interval '1 second', t + (d + ak) * interval '1 second', t + (d + ak + s) * interval '1 second',
           t + (d + ak + s + 3600) * interval '1 second', t + (d + ak + s + 4000) * interval '1 second', 'Selesai'
    from (
      select g, now() - random() * interval '${days} days' as t, random() as u, random() as k,
             15 + -ln(1 - random()) * 35 as d, 10 + -ln(1 - random()) * 45 as ak, 150 + -ln(1 - random()) * 300 as s
      from generate_series(1, ${INCIDENTS}) g
    ) x;
    insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, on_scene_at, completed_at, report)
    select i.id, a.id, 'completed', i.dispatched_at, i.acknowledged_at, i.on_scene_at, i.resolved_at, 'Selesai'
    from public.incidents i
    -- One agency per incident, a second one for about a third of them (hash of the id: stable).
    join public.agencies a on a.code = 'AG' || (1 + (abs(hashtext(i.id::text)) % 9))
       or (abs(hashtext(i.id::text || 'second')) % 3 = 0 and a.code = 'AG' || (1 + ((abs(hashtext(i.id::text)) + 4) % 9)));
    do $$ declare r record; begin for r in select * from bench_indexes loop execute r.def; end loop; end $$;
    set session_replication_role = origin;
    analyze public.calls;
    analyze public.incidents;
    analyze public.assignments;
  `);
  return (await db.query<{ id: string }>(`select md5('bench-user0')::uuid::text as id`)).rows[0].id;
}

/** One request as PostgREST runs it: a transaction with the caller's role and claims. */
async function timeAsLeader(db: Database, leader: string, sql: string, args: unknown[]): Promise<number> {
  return db.transaction(async (tx: Queryable) => {
    await tx.query(
      `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
              set_config('request.jwt.claim.sub', $2, true), set_config('search_path', 'public, extensions', true)`,
      [JSON.stringify({ sub: leader, role: 'authenticated' }), leader],
    );
    const started = performance.now();
    await tx.query(sql, args);
    return performance.now() - started;
  });
}

async function timeAsOwner(db: Database, sql: string, args: unknown[]): Promise<number> {
  const started = performance.now();
  await db.query(sql, args);
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => x.toFixed(1).padStart(8);

async function main() {
  const { db, drop } = await openBackend();
  try {
    const started = performance.now();
    const leader = await build(db);
    const counts = (
      await db.query<{ calls: string; incidents: string; assignments: string }>(
        `select (select count(*) from calls) calls, (select count(*) from incidents) incidents,
                (select count(*) from assignments) assignments`,
      )
    ).rows[0];
    process.stdout.write(
      `${BACKEND}: built ${counts.calls} calls, ${counts.incidents} incidents, ${counts.assignments} assignments ` +
        `over ${DAYS} days in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    const args = [from.toISOString(), to.toISOString()];
    const inRange = (await db.query<{ n: string }>(`select count(*) n from calls where received_at >= $1 and received_at < $2`, args))
      .rows[0].n;
    process.stdout.write(`30-day range: ${inRange} calls; median of ${RUNS} runs (after one warm-up), ms\n\n`);
    process.stdout.write(`${'statistic'.padEnd(26)} ${'function'.padStart(8)} ${'naive'.padStart(8)}\n`);

    let sum = 0;
    for (const c of CASES) {
      await timeAsLeader(db, leader, c.fn, args);
      await timeAsOwner(db, c.naive, args);
      const fnTimes: number[] = [];
      const naiveTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        fnTimes.push(await timeAsLeader(db, leader, c.fn, args));
        naiveTimes.push(await timeAsOwner(db, c.naive, args));
      }
      sum += median(fnTimes);
      process.stdout.write(`${c.name.padEnd(26)} ${ms(median(fnTimes))} ${ms(median(naiveTimes))}\n`);
    }
    // The page's refresh: every statistic in one go, as the page requests them.
    const refresh: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      for (const c of CASES) await timeAsLeader(db, leader, c.fn, args);
      refresh.push(performance.now() - t);
    }
    process.stdout.write(`\nsum of medians            ${ms(sum)}\n`);
    process.stdout.write(`full page refresh (median) ${ms(median(refresh))}  target 200 ms: ${median(refresh) < 200 ? 'met' : 'NOT met'}\n`);
  } finally {
    await drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
