/**
 * Benchmark: does the stack keep answering while one caller keeps sending an expensive read? Polls
 * `GET /health` one request at a time, first idle, then for BENCH_DURATION_S seconds while a heavy
 * /rest/v1 read is sent again and again (an embedded one-to-many resource whose foreign key has no
 * index: one sequential scan of the children per parent row), and reports /health latency
 * percentiles and what the heavy requests got.
 *
 *   npx tsx bench/rest-heavy-request.ts                       # PGlite in memory, as anon
 *   BENCH_ROLE=authenticated npx tsx bench/rest-heavy-request.ts
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_BACKEND=postgres npx tsx bench/rest-heavy-request.ts
 *   BENCH_CHILDREN=50000 BENCH_PARENTS=40 BENCH_DURATION_S=5 npx tsx bench/rest-heavy-request.ts   # lighter
 */
import os from 'node:os';
import { DEMO_ANON_KEY } from '../supabase/local/config.ts';
import { benchBackend, startRestBenchStack, userToken } from './rest-bench-stack.ts';

const backend = benchBackend;
const role = process.env.BENCH_ROLE === 'authenticated' ? 'authenticated' : 'anon';
const children = Number(process.env.BENCH_CHILDREN ?? 100_000);
const parents = Number(process.env.BENCH_PARENTS ?? 300);
const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const idleSamples = Number(process.env.BENCH_IDLE_SAMPLES ?? 200);

const setupSql = `
create table public.bench_parents (id integer primary key, name text not null);
create table public.bench_children (id integer primary key, parent_id integer not null references public.bench_parents (id), body text not null);
insert into public.bench_parents select g, 'parent ' || g from generate_series(1, 1000) g;
insert into public.bench_children select g, 1 + g % 1000, md5(g::text) from generate_series(1, ${children}) g;
analyze public.bench_parents;
analyze public.bench_children;
grant select on public.bench_parents, public.bench_children to anon, authenticated;
notify pgrst, 'reload schema';`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `n ${String(sorted.length).padStart(4)}  p50 ${percentile(sorted, 0.5).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 0.99).toFixed(1).padStart(8)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(8)} ms`;
}

const stack = await startRestBenchStack(setupSql);
try {
  const token = role === 'anon' ? DEMO_ANON_KEY : await userToken('00000000-0000-4000-8000-0000000000b2');
  const headers = { apikey: DEMO_ANON_KEY, authorization: `Bearer ${token}` };
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${stack.url}/rest/v1/bench_parents?select=id&limit=1`, { headers })).status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async function health(): Promise<number> {
    const t = performance.now();
    const res = await fetch(`${stack.url}/health`);
    await res.text();
    if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
    return performance.now() - t;
  }

  const idle: number[] = [];
  for (let i = 0; i < 20; i++) await health();
  for (let i = 0; i < idleSamples; i++) idle.push(await health());

  const heavyUrl = `${stack.url}/rest/v1/bench_parents?select=id,bench_children(id,body)&order=id&limit=${parents}`;
  const during: number[] = [];
  const heavy: Array<{ status: number; ms: number; code: string }> = [];
  let done = false;
  // One caller sends the heavy request again and again for the whole window (the last one is
  // awaited); meanwhile /health is polled one request at a time.
  const attacker = (async () => {
    const end = performance.now() + durationS * 1000;
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(heavyUrl, { headers });
      const text = await res.text();
      let code = '';
      try {
        const body = JSON.parse(text) as unknown;
        if (typeof body === 'object' && body !== null && !Array.isArray(body)) code = String((body as { code?: unknown }).code ?? '');
      } catch {
        code = 'non-JSON';
      }
      heavy.push({ status: res.status, ms: performance.now() - t, code });
    }
    done = true;
  })();
  await new Promise((resolve) => setTimeout(resolve, 20));
  while (!done) during.push(await health());
  await attacker;

  console.log(`REST heavy request benchmark — ${backend}, role ${role}, ${children} children over 1000 parents, ${parents} parents embedded per request, ${durationS} s, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  /health idle                      ${summary(idle)}`);
  console.log(`  /health while heavy request runs  ${summary(during)}`);
  const outcomes = new Map<string, number[]>();
  for (const h of heavy) {
    const key = `${h.status}${h.code ? ` ${h.code}` : ''}`;
    outcomes.set(key, [...(outcomes.get(key) ?? []), h.ms]);
  }
  for (const [key, times] of outcomes) console.log(`  heavy request → ${key.padEnd(10)} ${summary(times)}`);
} finally {
  await stack.drop();
}
