/**
 * `npx tsx bench/incident-search.ts`: how fast "find an incident" (public.search_incidents) answers on
 * 100,000 incidents (issue #17), for a supervisor, leadership and an OPD liaison, called as PostgREST
 * would (role, claims, one transaction). Each case is timed against the plain RLS query someone would
 * write for it (ILIKE or the caller-number match on the tables, RLS applying), alternating, median of
 * BENCH_RUNS runs: RLS keeps Postgres from using an index for a non-leakproof condition, which is why
 * the function matches text and numbers through the id-only helpers and their indexes.
 * Target: every case under 100 ms on PGlite.
 *
 * Environment: BENCH_INCIDENTS (default 100000), BENCH_RUNS (default 9),
 * BENCH_BACKEND=postgres to run on a new database of TEST_DATABASE_URL instead of PGlite.
 */
import path from 'node:path';
import { openPglite } from '../supabase/local/db/pglite-database.ts';
import { openPostgres } from '../supabase/local/db/postgres-database.ts';
import { migrate } from '../supabase/local/db/migrate.ts';
import type { Database, Queryable } from '../supabase/local/db/database.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BACKEND = process.env.BENCH_BACKEND === 'postgres' ? 'postgres' : 'pglite';
const root = path.resolve(import.meta.dirname, '..');
const user = (name: string) => `md5('bench-${name}')::uuid`;

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

/** 100,000 incidents over the last 365 days, one call each (a number shared by about 3), one assignment each. */
async function build(db: Database): Promise<void> {
  await migrate(db, path.join(root, 'supabase', 'migrations'));
  await db.exec(`
    insert into public.agencies (code, name, kind) select 'AG' || g, 'Agency ' || g, 'other' from generate_series(1, 9) g;
    insert into auth.users (id, email)
    select md5('bench-' || r)::uuid, r || '@bench.test' from unnest(array['supervisor', 'leadership', 'operator', 'opd']) r;
    insert into public.profiles (id, full_name, role, agency_id)
    select md5('bench-' || r)::uuid, 'Bench ' || r, r::public.app_role, case when r = 'opd' then (select id from public.agencies where code = 'AG1') end
    from unnest(array['supervisor', 'leadership', 'operator', 'opd']) r;
    set session_replication_role = replica;
    select setseed(0.25);
    insert into public.incidents (ticket_no, status, category, priority, description, address, lat, lng, kecamatan,
      reported_at, dispatched_at, closed_at, close_summary)
    select '112-' || to_char(t at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-' || lpad(g::text, 6, '0'), 'closed',
           (enum_range(null::public.incident_category))[1 + floor(u * 10)::int], 'medium',
           (array['Kebakaran rumah', 'Kecelakaan motor', 'Orang pingsan', 'Banjir setinggi lutut', 'Pohon tumbang',
                  'Kebocoran gas', 'Perkelahian', 'Anak hilang', 'Kebakaran lahan', 'Tabrakan mobil'])[1 + floor(w * 10)::int]
             || ' dekat ' || (array['masjid', 'sekolah', 'pasar', 'pabrik', 'terminal', 'warung', 'kantor', 'jembatan'])[1 + floor(v * 8)::int],
           'Jl. Bench ' || g, -6.0, 106.0,
           (array['Pulomerak', 'Grogol', 'Purwakarta', 'Jombang', 'Cilegon', 'Cibeber', 'Citangkil', 'Ciwandan'])[1 + floor(k * 8)::int],
           t, t + interval '1 minute', t + interval '2 hours', 'Selesai'
    from (select g, now() - random() * interval '365 days' as t, random() as u, random() as w, random() as v, random() as k
            from generate_series(1, ${INCIDENTS}) g) x;
    insert into public.calls (source, received_at, answered_at, classified_at, recorded_at, ended_at, call_type, operator_id,
      caller_phone, incident_id)
    select 'manual', i.reported_at - interval '2 minutes', i.reported_at - interval '110 seconds', i.reported_at - interval '90 seconds',
           i.reported_at, i.reported_at + interval '20 seconds', 'emergency', ${user('operator')},
           '0812 ' || lpad((abs(hashtext(i.id::text)) % ${Math.ceil(INCIDENTS / 3)})::text, 8, '0'), i.id
    from public.incidents i;
    insert into public.assignments (incident_id, agency_id, status, assigned_at, acknowledged_at, on_scene_at, completed_at, report)
    select i.id, a.id, 'completed', i.dispatched_at, i.dispatched_at, i.dispatched_at, i.dispatched_at, 'Selesai'
    from public.incidents i join public.agencies a on a.code = 'AG' || (1 + abs(hashtext(i.id::text || 'a')) % 9);
    set session_replication_role = origin;
    analyze public.calls;
    analyze public.incidents;
    analyze public.assignments;
  `);
}

/** One request as PostgREST runs it: a transaction with the caller's role and claims. */
async function timeAs(db: Database, who: string, sql: string, args: unknown[]): Promise<{ ms: number; rows: number }> {
  const id = (await db.query<{ id: string }>(`select ${user(who)}::text as id`)).rows[0].id;
  return db.transaction(async (tx: Queryable) => {
    await tx.query(
      `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
              set_config('request.jwt.claim.sub', $2, true), set_config('search_path', 'public, extensions', true)`,
      [JSON.stringify({ sub: id, role: 'authenticated' }), id],
    );
    const started = performance.now();
    const result = await tx.query(sql, args);
    return { ms: performance.now() - started, rows: result.rows.length };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => x.toFixed(1).padStart(8);

const SEARCH = `select id from public.search_incidents(now() - interval '400 days', now(), p_query => $1, p_phone => $2, p_limit => 26)`;
const PLAIN_TEXT = `select id from public.incidents
  where private.incident_search_text(ticket_no, address, kelurahan, kecamatan, description) ilike '%' || $1 || '%'
    and reported_at >= now() - interval '400 days' order by reported_at desc, id desc limit 26`;
const PLAIN_PHONE = `select id from public.incidents where id in (
    select incident_id from public.calls where private.phone_key(caller_phone) = private.phone_key($1))
  order by reported_at desc, id desc limit 26`;

async function main() {
  const { db, drop } = await openBackend();
  try {
    const started = performance.now();
    await build(db);
    process.stdout.write(`${BACKEND}: ${INCIDENTS} incidents built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const sample = (await db.query<{ ticket_no: string; address: string; phone: string }>(
      `select i.ticket_no, i.address, c.caller_phone as phone from public.incidents i join public.calls c on c.incident_id = i.id
       order by i.reported_at desc offset 500 limit 1`,
    )).rows[0];
    const cases: Array<{ name: string; who: string; fn: unknown[]; plain: [string, unknown[]] | null }> = [
      { name: 'address, one match', who: 'supervisor', fn: [sample.address, null], plain: [PLAIN_TEXT, [sample.address]] },
      { name: 'common word "kebakaran"', who: 'supervisor', fn: ['kebakaran', null], plain: [PLAIN_TEXT, ['kebakaran']] },
      { name: 'rare word, leadership', who: 'leadership', fn: ['Jl. Bench 4242', null], plain: [PLAIN_TEXT, ['Jl. Bench 4242']] },
      { name: 'words, OPD (own incidents)', who: 'opd', fn: ['gas dekat pasar', null], plain: null },
      { name: 'whole ticket', who: 'supervisor', fn: [sample.ticket_no, null], plain: null },
      { name: 'caller number', who: 'supervisor', fn: [null, sample.phone], plain: [PLAIN_PHONE, [sample.phone]] },
      { name: 'caller number, leadership', who: 'leadership', fn: [null, sample.phone], plain: null },
      { name: 'no filter (newest page)', who: 'supervisor', fn: [null, null], plain: null },
    ];
    process.stdout.write(`median of ${RUNS} runs (after one warm-up), ms: search_incidents | plain query under RLS\n\n`);
    let worst = 0;
    for (const c of cases) {
      const fnTimes: number[] = [];
      const plainTimes: number[] = [];
      let rows = 0;
      for (let i = 0; i <= RUNS; i++) {
        const f = await timeAs(db, c.who, SEARCH, c.fn);
        const p = c.plain ? await timeAs(db, c.who, c.plain[0], c.plain[1]) : null;
        if (i === 0) continue;
        fnTimes.push(f.ms);
        rows = f.rows;
        if (p) plainTimes.push(p.ms);
      }
      worst = Math.max(worst, median(fnTimes));
      process.stdout.write(`${c.name.padEnd(30)} ${ms(median(fnTimes))} ${c.plain ? ms(median(plainTimes)) : '       –'}   ${rows} rows\n`);
    }
    process.stdout.write(`\nslowest case ${ms(worst)}  target 100 ms: ${worst < 100 ? 'met' : 'NOT met'}\n`);
  } finally {
    await drop();
  }
}

await main();
