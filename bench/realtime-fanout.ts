/**
 * Realtime fan-out benchmark: 500 websocket subscribers (50 identities: team members, supervisors,
 * service role, anon) on one table under RLS, 30 committed changes per second. Measures commit-to-
 * client latency, lost and leaked messages, CPU and memory of the stack process, and as the floor
 * the raw NOTIFY-to-LISTEN latency on the same database.
 *
 *   npx tsx bench/realtime-fanout.ts                       # PGlite, 60 s
 *   BENCH_DURATION_S=10 npx tsx bench/realtime-fanout.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/realtime-fanout.ts
 *
 * The stack runs in this process; the subscribers run in a child process (same file, `--clients`)
 * so that the CPU and memory measured are the stack's, not the clients'.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { configFromEnv, DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from '../supabase/local/config.ts';
import { signJwt } from '../supabase/local/jwt.ts';
import { startStack } from '../supabase/local/server.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 30);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const TEAMS = 7;

interface Identity {
  kind: 'member' | 'supervisor' | 'service' | 'anon';
  team?: number;
  token: string;
}

interface ClientReport {
  latencies: number[];
  /** Per subscriber: seq numbers received. */
  received: number[][];
  violations: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

function sees(id: Identity, team: number): boolean {
  return id.kind === 'service' || id.kind === 'supervisor' || (id.kind === 'member' && id.team === team);
}

async function identities(): Promise<Identity[]> {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const out: Identity[] = [];
  const user = (i: number, app: Record<string, unknown>) =>
    signJwt(
      { sub: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, role: 'authenticated', aud: 'authenticated', exp, app_metadata: app },
      DEMO_JWT_SECRET,
    );
  for (let i = 0; i < 35; i++) out.push({ kind: 'member', team: i % TEAMS, token: await user(i, { team: i % TEAMS, role: 'operator' }) });
  for (let i = 35; i < 45; i++) out.push({ kind: 'supervisor', token: await user(i, { role: 'supervisor' }) });
  for (let i = 0; i < 3; i++) out.push({ kind: 'service', token: DEMO_SERVICE_ROLE_KEY });
  for (let i = 0; i < 2; i++) out.push({ kind: 'anon', token: DEMO_ANON_KEY });
  return out;
}

/** Child process: the subscribers. */
async function runClients(url: string, ids: Identity[]) {
  const wsUrl = `${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${DEMO_ANON_KEY}&vsn=2.0.0`;
  const latencies: number[] = [];
  const received: number[][] = [];
  let violations = 0;
  const sockets: WebSocket[] = [];
  let joined = 0;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const id = ids[i % ids.length];
    const got: number[] = [];
    received.push(got);
    const ws = new WebSocket(wsUrl);
    sockets.push(ws);
    ws.on('message', (data) => {
      const now = Date.now();
      const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
      if (event === 'phx_reply' && (payload.response as { postgres_changes?: unknown })?.postgres_changes) {
        if (payload.status === 'ok') joined++;
      } else if (event === 'postgres_changes') {
        const d = payload.data as { commit_timestamp: string; record: { seq: number; team: number } };
        latencies.push(now - Date.parse(d.commit_timestamp));
        got.push(d.record.seq);
        if (!sees(id, d.record.team)) violations++;
      }
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(
      JSON.stringify([
        '1',
        '1',
        'realtime:bench',
        'phx_join',
        { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'bench_events' }] }, access_token: id.token },
      ]),
    );
  }
  const hb = setInterval(() => {
    for (const ws of sockets) ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]));
  }, 25_000);
  while (joined < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 50));
  process.send?.({ type: 'ready' });
  process.on('message', (m: { type: string }) => {
    if (m.type !== 'done') return;
    clearInterval(hb);
    const report: ClientReport = { latencies, received, violations };
    process.send?.({ type: 'report', report }, () => {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    });
  });
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL;
  const created = base ? await createTestDatabase(base) : undefined;
  const config = {
    ...configFromEnv({}),
    port: 0,
    dataDir: 'memory://',
    databaseUrl: created?.url,
    migrationsDir: path.join(here, '..', 'tests', 'conformance', 'fixtures', 'realtime', 'bench-migrations'),
    seedFile: undefined,
  };
  const stack = await startStack(config);
  const ids = await identities();
  try {
    const child = fork(fileURLToPath(import.meta.url), ['--clients'], {
      env: { ...process.env, BENCH_URL: stack.url, BENCH_IDS: JSON.stringify(ids) },
      execArgv: ['--import', 'tsx'],
    });
    const messages: Array<{ type: string; report?: ClientReport }> = [];
    child.on('message', (m: { type: string; report?: ClientReport }) => messages.push(m));
    const setupStart = Date.now();
    while (!messages.some((m) => m.type === 'ready')) {
      if (child.exitCode !== null) throw new Error('subscriber process exited early');
      await new Promise((r) => setTimeout(r, 100));
    }
    const setupMs = Date.now() - setupStart;

    // Floor: NOTIFY to LISTEN through the same database interface the stack uses.
    const floor: number[] = [];
    const unlisten = await stack.db.listen('bench_floor', (p) => floor.push(performance.now() + performance.timeOrigin - Number(p)));

    const writes: Array<{ seq: number; team: number }> = [];
    const writeMs: number[] = [];
    const rss: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const total = RATE * DURATION_S;
    const rssTimer = setInterval(() => rss.push(process.memoryUsage().rss), 1000);
    let lastFloor = 0;
    for (let seq = 0; seq < total; seq++) {
      const due = t0 + (seq * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const team = seq % TEAMS;
      const w0 = performance.now();
      if (seq % 3 === 2) {
        // Every third change is an update of an earlier row; it carries the new seq and team.
        await stack.db.query(`update bench_events set seq = $1, team = $2, version = version + 1 where id = (select max(id) from bench_events)`, [seq, team]);
      } else {
        await stack.db.query(`insert into bench_events (team, seq, body) values ($1, $2, repeat('x', 200))`, [team, seq]);
      }
      writeMs.push(performance.now() - w0);
      writes.push({ seq, team });
      if (performance.now() - lastFloor > 100) {
        lastFloor = performance.now();
        await stack.db.query(`select pg_notify('bench_floor', $1)`, [String(performance.now() + performance.timeOrigin)]);
      }
    }
    const elapsedS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(rssTimer);
    await new Promise((r) => setTimeout(r, 3000));
    await unlisten();
    child.send({ type: 'done' });
    while (!messages.some((m) => m.type === 'report')) await new Promise((r) => setTimeout(r, 100));
    const report = messages.find((m) => m.type === 'report')!.report!;

    let expected = 0;
    let lost = 0;
    let duplicates = 0;
    report.received.forEach((got, i) => {
      const id = ids[i % ids.length];
      const want = writes.filter((w) => sees(id, w.team)).map((w) => w.seq);
      expected += want.length;
      const have = new Set(got);
      duplicates += got.length - have.size;
      lost += want.filter((s) => !have.has(s)).length;
    });
    const result = {
      backend: created ? 'postgres' : 'pglite',
      subscribers: SUBSCRIBERS,
      identities: ids.length,
      changesPerSecond: RATE,
      durationS: Number(elapsedS.toFixed(1)),
      changes: writes.length,
      setupMs,
      expectedDeliveries: expected,
      delivered: report.latencies.length,
      lost,
      duplicates,
      rlsViolations: report.violations,
      commitToClientMs: summary(report.latencies),
      notifyToListenMs: summary(floor),
      writeMs: summary(writeMs),
      stackCpuPercent: Number((((cpu.user + cpu.system) / 1000 / (elapsedS * 1000)) * 100).toFixed(1)),
      stackRssMb: { avg: Math.round(rss.reduce((a, b) => a + b, 0) / rss.length / 2 ** 20), max: Math.round(Math.max(...rss) / 2 ** 20) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stack.close();
    await created?.drop();
  }
}

if (process.argv.includes('--clients')) {
  await runClients(process.env.BENCH_URL ?? '', JSON.parse(process.env.BENCH_IDS ?? '[]') as Identity[]);
} else {
  await main();
}
