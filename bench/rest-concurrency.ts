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
 * Short mode (BENCH_SHORT=1; also what tests/conformance/rest-concurrency-smoke.test.ts runs in CI):
 * 10 clients for 3 s, half of them a supervisor and half an OPD liaison, no floors, 30 s before a
 * request counts as unanswered; every answer's
 * rows are checked against that user's answer read on the database directly after the stack stopped
 * (same data: a PGlite directory or the Postgres database, not memory), so a request context leaking
 * between concurrent requests or a wrong RLS identity shows as "wrong rows".
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
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { configFromEnv, DEMO_ANON_KEY } from '../supabase/local/config.ts';
import { openDatabase } from '../supabase/local/db/open-database.ts';
import { migrate } from '../supabase/local/db/migrate.ts';
import type { Database } from '../supabase/local/db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../lib/demo-users.ts';
import { createTestDatabase, type Backend } from '../tests/support/test-stack.ts';
import type { LoadResult, LoadSpec } from './http-load-client.ts';
import { formatSummary, summarise } from './cpu-profile-summary.ts';

const root = path.resolve(import.meta.dirname, '..');

/** What the dispatch board's newest-first list asks: every column, newest 20. */
const REST_PATH = '/rest/v1/incidents?select=*&order=reported_at.desc&limit=20';
/** The same read as the bare query: what the stack's statement computes, without the stack. */
const DIRECT_SQL = `select coalesce(json_agg(t), '[]')::text as body
  from (select * from public.incidents order by reported_at desc limit 20) t`;

function demoUser(pick: (u: DemoUser) => boolean, what: string): DemoUser {
  const user = DEMO_USERS.find(pick);
  if (!user) throw new Error(`no ${what} among the demo users`);
  return user;
}
const supervisor = demoUser((u) => u.role === 'supervisor', 'supervisor');
/** The fire brigade's liaison: sees only the incidents assigned to DPKP (RLS), unlike the supervisor. */
const liaison = demoUser((u) => u.role === 'opd' && u.agencyCode === 'DPKP', 'DPKP liaison');

export interface RestRunOptions {
  clients: number;
  durationMs: number;
  /** Length of each floor run and of the warm-up. */
  floorMs: number;
  warmupMs: number;
  /** No answer within this = a timeout. */
  timeoutMs: number;
  /** Who asks: the clients are shared out among these demo users, each its own load process. */
  users: readonly DemoUser[];
  /** Measure `/health` alone and the bare query too. */
  floors: boolean;
  /** Keep the stack's data (a PGlite directory, not memory) and check every answer's rows after. */
  checkRows: boolean;
  /** Take a CPU profile of the stack during the REST run. */
  profile: boolean;
  /** Ports the stack may listen on, tried in turn (one taken by another process is skipped). */
  ports: number[];
  /** Postgres server on which each run gets a database of its own. */
  databaseUrl: string | undefined;
}

/** The benchmark as bench/README.md records it, or the short CI smoke (BENCH_SHORT=1). */
export function optionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RestRunOptions {
  const short = env.BENCH_SHORT === '1';
  const basePort = Number(env.BENCH_PORT ?? 54450);
  return {
    clients: Number(env.BENCH_CLIENTS ?? (short ? 10 : 50)),
    durationMs: Number(env.BENCH_DURATION_S ?? (short ? 3 : 15)) * 1000,
    floorMs: Number(env.BENCH_FLOOR_S ?? 5) * 1000,
    warmupMs: short ? 500 : 2000,
    // The smoke asserts no figure: its "timeout" means a request left unanswered (a hang), not a slow
    // one on a loaded CI machine, where a first request of a shape on PGlite can take seconds.
    timeoutMs: Number(env.BENCH_TIMEOUT_MS ?? (short ? 30_000 : 2000)),
    users: short ? shortModeUsers : [supervisor],
    floors: !short,
    checkRows: short,
    profile: env.BENCH_PROFILE === '1',
    ports: Array.from({ length: 10 }, (_, i) => basePort + i),
    databaseUrl: env.TEST_DATABASE_URL,
  };
}

/** The short mode's users: two identities whose RLS answers differ, asking at the same time. */
export const shortModeUsers: readonly DemoUser[] = [supervisor, liaison];

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

/** Where the stack keeps its data: a Postgres database, or a PGlite directory (`memory://`: nowhere). */
interface Storage {
  databaseUrl?: string;
  dataDir: string;
}

async function startStackProcess(stackRoot: string, backend: Backend, port: number, storage: Storage, profileFile: string | undefined): Promise<StackProcess> {
  const args = ['--import', 'tsx'];
  if (profileFile) args.push('--import', path.join(root, 'bench', 'cpu-profile-preload.ts'));
  args.push(path.join(stackRoot, 'supabase', 'local', 'main.ts'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STACK_HOST: '127.0.0.1',
    STACK_PORT: String(port),
    STACK_DATA_DIR: storage.dataDir,
    STACK_KEYS: 'demo',
    STACK_ALLOWED_ORIGINS: '*',
    DATABASE_URL: backend === 'postgres' ? storage.databaseUrl : '',
    BENCH_CPU_PROFILE_FILE: profileFile ?? '',
  };
  // The benchmark needs the demo data whatever the caller's environment says.
  delete env.STACK_SEED;
  const child = spawn(process.execPath, args, { cwd: stackRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

export interface HealthProbe {
  /** Latencies of the answered probes, ms, sorted. */
  times: number[];
  /** Probes with no 200 (an error, another status, or no answer within the timeout). */
  failed: number;
}

/** /health one request at a time until `until` resolves: the latency a dashboard's other requests see. */
async function probeHealth(url: string, until: Promise<unknown>, timeoutMs: number): Promise<HealthProbe> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let failed = 0;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.setTimeout(timeoutMs, () => {
        resolve(false);
        req.destroy();
      });
      req.on('error', () => resolve(false));
    });
    if (ok) times.push(performance.now() - t);
    else failed++;
  }
  agent.destroy();
  return { times: times.sort((a, b) => a - b), failed };
}

async function signIn(url: string, user: DemoUser): Promise<string> {
  const res = await fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: DEMO_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`sign-in of ${user.email} failed: ${res.status}`);
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

/** The read as one user, in one transaction that sets role and claims as the stack does. */
function databaseRunner(db: Database) {
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

/** One user's answers during the REST run, checked against that user's read on the database. */
export interface RowsCheck {
  email: string;
  answers: number;
  /** Answers whose rows differ from the user's own read (another user's rows, none, a part). */
  wrong: number;
  /** Answers whose body was not kept (too many distinct bodies): counted as wrong too. */
  leftOut: number;
  /** Rows in the user's own read: two users with different numbers show RLS was in play. */
  expectedRows: number;
  expectedIds: string[];
}

export interface BackendResult {
  backend: Backend;
  stackRoot: string;
  clients: number;
  healthAlone?: LatencyStats;
  rest: LatencyStats & { timeouts: number; errors: number; wrongStatus: number };
  healthDuring: LatencyStats & { failed: number };
  direct?: LatencyStats;
  rows?: RowsCheck[];
}

async function startOnFreePort(stackRoot: string, backend: Backend, storage: Storage, profileFile: string | undefined, ports: number[]): Promise<StackProcess> {
  // Each port is tried once in the whole benchmark (a stopped stack's port may linger in TIME_WAIT):
  // the next run starts at the next one.
  for (let port = ports.shift(); port !== undefined; port = ports.shift()) {
    try {
      return await startStackProcess(stackRoot, backend, port, storage, profileFile);
    } catch (err) {
      console.log(`port ${port}: ${err instanceof Error ? err.message : String(err)}; trying the next one`);
    }
  }
  throw new Error('no free port among the benchmark\'s ports');
}

/** The clients shared out among the users: 10 among 2 = 5 + 5; 11 = 6 + 5. */
function specsFor(url: string, tokens: string[], opts: RestRunOptions, durationMs: number): LoadSpec[] {
  return tokens.map((token, i) => ({
    url: url + REST_PATH,
    headers: { apikey: DEMO_ANON_KEY, authorization: `Bearer ${token}`, accept: 'application/json' },
    clients: Math.floor(opts.clients / tokens.length) + (i < opts.clients % tokens.length ? 1 : 0),
    durationMs,
    timeoutMs: opts.timeoutMs,
    expectStatus: 200,
    keepBodies: opts.checkRows,
  }));
}

/** Each user's answers against that user's own read on the database the stack served (stopped now). */
async function checkRows(storage: Storage, users: readonly DemoUser[], tokens: string[], loads: LoadResult[]): Promise<RowsCheck[]> {
  const db = await openDatabase(storage);
  try {
    const read = databaseRunner(db);
    const checks: RowsCheck[] = [];
    for (const [i, user] of users.entries()) {
      const expected = JSON.parse(await read(claimsOf(tokens[i]))) as Array<{ id: string }>;
      let answers = 0;
      let wrong = loads[i].bodiesLeftOut;
      for (const [body, count] of Object.entries(loads[i].bodies)) {
        answers += count;
        if (!isDeepStrictEqual(JSON.parse(body), expected)) wrong += count;
      }
      checks.push({ email: user.email, answers: answers + loads[i].bodiesLeftOut, wrong, leftOut: loads[i].bodiesLeftOut, expectedRows: expected.length, expectedIds: expected.map((r) => r.id) });
    }
    return checks;
  } finally {
    await db.close();
  }
}

/** The bare query's rate does not depend on the checkout: measured once per backend. */
const directFloors = new Map<Backend, LatencyStats>();

export async function benchBackend(stackRoot: string, backend: Backend, opts: RestRunOptions): Promise<BackendResult> {
  const created = backend === 'postgres' ? await createTestDatabase(opts.databaseUrl) : undefined;
  const keptDir = opts.checkRows && backend === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'cilegon-rest-bench-')) : undefined;
  const storage: Storage = { databaseUrl: created?.url, dataDir: keptDir ? path.join(keptDir, 'pglite') : 'memory://' };
  const profileFile = opts.profile ? path.join(root, 'bench', '.profiles', `${backend}-${Date.now()}.cpuprofile`) : undefined;
  if (profileFile) mkdirSync(path.dirname(profileFile), { recursive: true });
  const t0 = performance.now();
  const stack = await startOnFreePort(stackRoot, backend, storage, profileFile, opts.ports);
  console.log(`${backend} (${stackRoot}): stack with migrations and seed up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.url}`);
  try {
    const tokens = await Promise.all(opts.users.map((u) => signIn(stack.url, u)));
    await Promise.all(specsFor(stack.url, tokens, opts, opts.warmupMs).map(runLoadProcess)); // warm-up: statement cache, JIT

    let healthAlone: LatencyStats | undefined;
    if (opts.floors) {
      const health = await runLoadProcess({ url: `${stack.url}/health`, headers: {}, clients: opts.clients, durationMs: opts.floorMs, timeoutMs: opts.timeoutMs, expectStatus: 200 });
      healthAlone = stats(health.latencies, health.elapsedMs);
    }

    if (profileFile) stack.child.kill('SIGUSR2');
    const restRun = Promise.all(specsFor(stack.url, tokens, opts, opts.durationMs).map(runLoadProcess));
    const probe = await probeHealth(stack.url, restRun, opts.timeoutMs);
    const loads = await restRun;
    if (profileFile) {
      stack.child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const sum = (f: (l: LoadResult) => number) => loads.reduce((n, l) => n + f(l), 0);
    const latencies = loads.flatMap((l) => l.latencies).sort((a, b) => a - b);
    const rest = {
      ...stats(latencies, Math.max(...loads.map((l) => l.elapsedMs))),
      timeouts: sum((l) => l.timeouts),
      errors: sum((l) => l.errors),
      wrongStatus: sum((l) => l.wrongStatus),
    };
    const healthDuring = { ...stats(probe.times, opts.durationMs), failed: probe.failed };

    let direct = directFloors.get(backend);
    if (opts.floors && direct === undefined && backend === 'postgres' && created) {
      const pool = new pg.Pool({ connectionString: created.url, max: Number(process.env.STACK_POOL_SIZE ?? 10) });
      try {
        direct = await directFloor(postgresRunner(pool), claimsOf(tokens[0]), opts.clients, opts.floorMs);
      } finally {
        await pool.end();
      }
    } else if (opts.floors && direct === undefined) {
      await stack.stop();
      const config = configFromEnv({}, root);
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await migrate(db, config.migrationsDir, config.seedFile);
        direct = await directFloor(databaseRunner(db), claimsOf(tokens[0]), opts.clients, opts.floorMs);
      } finally {
        await db.close();
      }
    }
    if (direct) directFloors.set(backend, direct);
    if (profileFile) {
      try {
        console.log(formatSummary(summarise(JSON.parse(readFileSync(profileFile, 'utf8'))), `CPU profile of the ${backend} stack during the REST run`));
      } catch (err) {
        console.log(`no profile read from ${profileFile}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // The stack has let go of its PGlite directory once stopped; a Postgres database is shared anyway.
    await stack.stop();
    const rows = opts.checkRows ? await checkRows(storage, opts.users, tokens, loads) : undefined;
    const result: BackendResult = { backend, stackRoot, clients: opts.clients, healthAlone, rest, healthDuring, direct, rows };
    report(result);
    return result;
  } finally {
    await stack.stop();
    await created?.drop();
    if (keptDir) rmSync(keptDir, { recursive: true, force: true });
  }
}

function report(r: BackendResult): void {
  console.log(`\n${r.backend}, stack of ${r.stackRoot}`);
  if (r.healthAlone) console.log(`  /health alone (floor)      ${fmt(r.healthAlone)}`);
  if (r.direct) console.log(`  bare query on the db       ${fmt(r.direct)}`);
  console.log(`  REST, ${r.clients} clients          ${fmt(r.rest)}`);
  console.log(`    timeouts ${r.rest.timeouts}, socket errors ${r.rest.errors}, other status ${r.rest.wrongStatus}`);
  console.log(`  /health during REST (1 at a time) p50 ${r.healthDuring.p50.toFixed(1)} ms  p99 ${r.healthDuring.p99.toFixed(1)} ms  max ${r.healthDuring.max.toFixed(1)} ms (${r.healthDuring.count} probes, ${r.healthDuring.failed} unanswered)`);
  for (const c of r.rows ?? []) console.log(`  rows of ${c.email}: ${c.answers - c.wrong} of ${c.answers} answers as that user's own read (${c.expectedRows} rows)`);
  const ratios = [r.direct ? `REST / bare query ${(r.rest.rps / r.direct.rps).toFixed(2)}` : '', r.healthAlone ? `REST / health floor ${(r.rest.rps / r.healthAlone.rps).toFixed(2)}` : ''].filter(Boolean);
  console.log(`  ${ratios.length ? ratios.join(', ') + ', ' : ''}load average now ${os.loadavg()[0].toFixed(1)}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const opts = optionsFromEnv();
  const stackRoots = (process.env.BENCH_STACK_ROOTS ?? root).split(',').map((r) => path.resolve(r.trim()));
  const backends: Backend[] = (process.env.BENCH_BACKENDS ?? (opts.databaseUrl ? 'pglite,postgres' : 'pglite'))
    .split(',').map((b) => (b.trim() === 'postgres' ? 'postgres' : 'pglite'));
  console.log(`REST concurrency benchmark — ${opts.clients} clients, ${opts.durationMs / 1000} s, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const results: BackendResult[] = [];
  for (const backend of backends) for (const stackRoot of stackRoots) results.push(await benchBackend(stackRoot, backend, opts));
  console.log('\nsummary');
  for (const r of results) report(r);
  console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}
