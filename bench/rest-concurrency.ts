/**
 * Benchmark (issue #21): 50 concurrent clients, each asking again and again for a supervisor's 20
 * newest incidents through /rest/v1 (real migrations and seed, a password sign-in as the dispatch
 * board does), for 15 s, like wrk. The stack runs in its own process (`npm run stack`), the clients
 * in another (bench/http-load-client.ts), so neither steals the other's event loop. Per backend:
 *
 *   - floor 1: `/health` alone under the same 50 clients (HTTP + `select 1`);
 *   - REST: req/s, p50/p99/max, timeouts (no answer within 2 s), while this process polls `/health`
 *     one request at a time (its p99 shows whether the stack stays responsive);
 *   - floor 2: the bare query on the database directly, 50 concurrent callers, each one transaction
 *     that sets role and claims and runs the same read (Postgres: a pool as large as the stack's;
 *     PGlite: a seeded PGlite in this process, as the stack has it).
 *
 *   npx tsx bench/rest-concurrency.ts                          # PGlite only
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/rest-concurrency.ts   # both
 *   BENCH_BACKENDS=postgres BENCH_DURATION_S=5 BENCH_CLIENTS=20 npx tsx bench/rest-concurrency.ts
 *   BENCH_PROFILE=1 ...                                        # CPU profile of the stack during the REST run
 *
 * Env: BENCH_DURATION_S (15), BENCH_FLOOR_S (5), BENCH_CLIENTS (50), BENCH_TIMEOUT_MS (2000),
 * BENCH_PORT (54450; each further run uses the next port), BENCH_BACKENDS (pglite,postgres),
 * BENCH_STACK_ROOTS: comma-separated checkouts whose stack to run, e.g. `/tmp/before,.` to measure a
 * change before and after in one run (default: this checkout). Each backend runs every checkout in
 * turn, so load from other processes on the shared machine hits them alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { configFromEnv, DEMO_ANON_KEY } from '../supabase/local/config.ts';
import { openDatabase } from '../supabase/local/db/open-database.ts';
import { migrate } from '../supabase/local/db/migrate.ts';
import type { Database } from '../supabase/local/db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo-users.ts';
import { createTestDatabase, type Backend } from '../tests/support/test-stack.ts';
import type { LoadResult, LoadSpec } from './http-load-client.ts';
import { formatSummary, summarise } from './cpu-profile-summary.ts';

const root = path.resolve(import.meta.dirname, '..');
const durationMs = Number(process.env.BENCH_DURATION_S ?? 15) * 1000;
const floorMs = Number(process.env.BENCH_FLOOR_S ?? 5) * 1000;
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 2000);
const basePort = Number(process.env.BENCH_PORT ?? 54450);
const profile = process.env.BENCH_PROFILE === '1';
const baseUrl = process.env.TEST_DATABASE_URL;
const stackRoots = (process.env.BENCH_STACK_ROOTS ?? root).split(',').map((r) => path.resolve(r.trim()));
const backends: Backend[] = (process.env.BENCH_BACKENDS ?? (baseUrl ? 'pglite,postgres' : 'pglite'))
  .split(',').map((b) => (b.trim() === 'postgres' ? 'postgres' : 'pglite'));

/** What the dispatch board's newest-first list asks: every column, newest 20. */
const REST_PATH = '/rest/v1/incidents?select=*&order=reported_at.desc&limit=20';
/** The same read as the bare query: what the stack's statement computes, without the stack. */
const DIRECT_SQL = `select coalesce(json_agg(t), '[]')::text as body
  from (select * from public.incidents order by reported_at desc limit 20) t`;

const supervisor = DEMO_USERS.find((u) => u.role === 'supervisor');
if (!supervisor) throw new Error('no supervisor among the demo users');

export interface LatencyStats {
  count: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

function stats(sorted: number[], elapsedMs: number): LatencyStats {
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : NaN);
  return { count: sorted.length, rps: (sorted.length / elapsedMs) * 1000, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

function fmt(s: LatencyStats): string {
  return `${s.rps.toFixed(0).padStart(5)} req/s  p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  (${s.count} answers)`;
}

interface StackProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startStackProcess(stackRoot: string, backend: Backend, port: number, databaseUrl: string | undefined, profileFile: string | undefined): Promise<StackProcess> {
  const args = ['--import', 'tsx'];
  if (profileFile) args.push('--import', path.join(root, 'bench', 'cpu-profile-preload.ts'));
  args.push(path.join(stackRoot, 'supabase', 'local', 'main.ts'));
  const child = spawn(process.execPath, args, {
    cwd: stackRoot,
    env: {
      ...process.env,
      STACK_HOST: '127.0.0.1',
      STACK_PORT: String(port),
      STACK_DATA_DIR: 'memory://',
      STACK_KEYS: 'demo',
      STACK_ALLOWED_ORIGINS: '*',
      DATABASE_URL: backend === 'postgres' ? databaseUrl : '',
      BENCH_CPU_PROFILE_FILE: profileFile ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[stack ${backend}] ${d.toString()}`));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Embedded Supabase stack on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`stack exited with ${code} before it was ready`)));
  });
  return {
    url,
    child,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

function runLoadProcess(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'http-load-client.ts'), JSON.stringify(spec)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited with ${code}`));
      resolve(JSON.parse(out) as LoadResult);
    });
  });
}

/** /health one request at a time until `until` resolves: the latency a dashboard's other requests see. */
async function probeHealth(url: string, until: Promise<unknown>): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      const req = http.get(`${url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', () => resolve());
    });
    times.push(performance.now() - t);
  }
  agent.destroy();
  return times.sort((a, b) => a - b);
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: DEMO_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ email: supervisor?.email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`sign-in failed: ${res.status}`);
  return body.access_token;
}

function claimsOf(token: string): string {
  return Buffer.from(token.split('.')[1], 'base64url').toString('utf8');
}

/** The bare query: `callers` concurrent loops of one role-and-claims transaction each, for `ms`. */
async function directFloor(run: (claims: string) => Promise<string>, claims: string, callers: number, ms: number): Promise<LatencyStats> {
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(Array.from({ length: callers }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const body = await run(claims);
      if (!body.startsWith('[{')) throw new Error('the bare query returned no rows');
      times.push(performance.now() - t);
    }
  }));
  return stats(times.sort((a, b) => a - b), performance.now() - started);
}

function pgliteRunner(db: Database) {
  return (claims: string) => db.transaction(async (tx) => {
    await tx.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [claims]);
    return (await tx.query<{ body: string }>(DIRECT_SQL)).rows[0].body;
  });
}

function postgresRunner(pool: pg.Pool) {
  return async (claims: string) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [claims]);
      const r = await c.query<{ body: string }>(DIRECT_SQL);
      await c.query('commit');
      return r.rows[0].body;
    } finally {
      c.release();
    }
  };
}

interface BackendResult {
  backend: Backend;
  stackRoot: string;
  healthAlone: LatencyStats;
  rest: LatencyStats & { timeouts: number; errors: number; wrongStatus: number };
  healthDuring: LatencyStats;
  direct: LatencyStats;
}

/** Ports this benchmark may use; one taken by another process is skipped. */
const ports = Array.from({ length: 10 }, (_, i) => basePort + i);

async function startOnFreePort(stackRoot: string, backend: Backend, databaseUrl: string | undefined, profileFile: string | undefined): Promise<StackProcess> {
  for (;;) {
    const port = ports.shift();
    if (port === undefined) throw new Error(`no free port in ${basePort}-${basePort + 9}`);
    try {
      return await startStackProcess(stackRoot, backend, port, databaseUrl, profileFile);
    } catch (err) {
      console.log(`port ${port}: ${err instanceof Error ? err.message : String(err)}; trying the next one`);
    }
  }
}

/** The bare query's rate does not depend on the checkout: measured once per backend. */
const directFloors = new Map<Backend, LatencyStats>();

async function benchBackend(stackRoot: string, backend: Backend): Promise<BackendResult> {
  const created = backend === 'postgres' ? await createTestDatabase(baseUrl) : undefined;
  const profileFile = profile ? path.join(root, 'bench', '.profiles', `${backend}-${Date.now()}.cpuprofile`) : undefined;
  if (profileFile) mkdirSync(path.dirname(profileFile), { recursive: true });
  const t0 = performance.now();
  const stack = await startOnFreePort(stackRoot, backend, created?.url, profileFile);
  console.log(`${backend} (${stackRoot}): stack with migrations and seed up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.url}`);
  try {
    const token = await signIn(stack.url);
    const headers = { apikey: DEMO_ANON_KEY, authorization: `Bearer ${token}`, accept: 'application/json' };
    const restSpec: LoadSpec = { url: stack.url + REST_PATH, headers, clients, durationMs: 2000, timeoutMs, expectStatus: 200 };
    await runLoadProcess(restSpec); // warm-up: statement cache, JIT

    const health = await runLoadProcess({ ...restSpec, url: `${stack.url}/health`, headers: {}, durationMs: floorMs });
    const healthAlone = stats(health.latencies, health.elapsedMs);

    if (profileFile) stack.child.kill('SIGUSR2');
    const restRun = runLoadProcess({ ...restSpec, durationMs });
    const probe = await probeHealth(stack.url, restRun);
    const restResult = await restRun;
    if (profileFile) {
      stack.child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const rest = { ...stats(restResult.latencies, restResult.elapsedMs), timeouts: restResult.timeouts, errors: restResult.errors, wrongStatus: restResult.wrongStatus };
    const healthDuring = stats(probe, durationMs);

    let direct = directFloors.get(backend);
    if (direct === undefined && backend === 'postgres' && created) {
      const pool = new pg.Pool({ connectionString: created.url, max: Number(process.env.STACK_POOL_SIZE ?? 10) });
      try {
        direct = await directFloor(postgresRunner(pool), claimsOf(token), clients, floorMs);
      } finally {
        await pool.end();
      }
    } else if (direct === undefined) {
      await stack.stop();
      const config = configFromEnv({}, root);
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await migrate(db, config.migrationsDir, config.seedFile);
        direct = await directFloor(pgliteRunner(db), claimsOf(token), clients, floorMs);
      } finally {
        await db.close();
      }
    }
    if (profileFile) {
      try {
        console.log(formatSummary(summarise(JSON.parse(readFileSync(profileFile, 'utf8'))), `CPU profile of the ${backend} stack during the REST run`));
      } catch (err) {
        console.log(`no profile read from ${profileFile}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    directFloors.set(backend, direct);
    const result = { backend, stackRoot, healthAlone, rest, healthDuring, direct };
    report(result);
    return result;
  } finally {
    await stack.stop();
    await created?.drop();
  }
}

console.log(`REST concurrency benchmark — ${clients} clients, ${durationMs / 1000} s, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
const results: BackendResult[] = [];
for (const backend of backends) for (const stackRoot of stackRoots) results.push(await benchBackend(stackRoot, backend));
console.log('\nsummary');
for (const r of results) report(r);
console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);

function report(r: BackendResult): void {
  console.log(`\n${r.backend}, stack of ${r.stackRoot}`);
  console.log(`  /health alone (floor)      ${fmt(r.healthAlone)}`);
  console.log(`  bare query on the db       ${fmt(r.direct)}`);
  console.log(`  REST, ${clients} clients          ${fmt(r.rest)}`);
  console.log(`    timeouts ${r.rest.timeouts}, socket errors ${r.rest.errors}, other status ${r.rest.wrongStatus}`);
  console.log(`  /health during REST (1 at a time) p50 ${r.healthDuring.p50.toFixed(1)} ms  p99 ${r.healthDuring.p99.toFixed(1)} ms  max ${r.healthDuring.max.toFixed(1)} ms (${r.healthDuring.count} probes)`);
  console.log(`  REST / bare query ${(r.rest.rps / r.direct.rps).toFixed(2)}, REST / health floor ${(r.rest.rps / r.healthAlone.rps).toFixed(2)}, load average now ${os.loadavg()[0].toFixed(1)}`);
}
