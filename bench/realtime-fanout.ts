/**
 * Realtime fan-out benchmark: websocket subscribers of many identities (team members, supervisors,
 * service role, anon) on one table under RLS, a fixed rate of committed changes. Measures
 * commit-to-client latency, lost and leaked messages, CPU and memory of the stack process, and as
 * the floor the raw NOTIFY-to-LISTEN latency on the same database.
 *
 *   npx tsx bench/realtime-fanout.ts                       # PGlite: 5,000 subscribers, 500 identities, 100/s, 60 s
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/realtime-fanout.ts
 *   BENCH_SUBSCRIBERS=500 BENCH_IDENTITIES=50 BENCH_RATE=30 npx tsx bench/realtime-fanout.ts   # the 2026-11 load
 *   BENCH_DURATION_S=10 BENCH_CLIENT_PROCESSES=2 ...       # shorter, fewer client processes
 *   BENCH_CPU_PROFILE_FILE=bench/.profiles/fanout.cpuprofile node --import tsx --import ./bench/cpu-profile-preload.ts bench/realtime-fanout.ts
 *                                                          # profile of the stack's thread during the write phase
 *
 * The stack (and the writer) run in this process; the subscribers are split over several child
 * processes (same file, `--clients`) so that the client side is not the bottleneck and the CPU and
 * memory measured are the stack's. Each child counts its own deliveries (a latency histogram and
 * one receipt bitmap per subscriber) and reports totals, so 10 M deliveries never cross the IPC pipe.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { configFromEnv, DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from '../supabase/local/config.ts';
import { signJwt } from '../supabase/local/jwt.ts';
import { startStack } from '../supabase/local/server.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const IDENTITIES = Number(process.env.BENCH_IDENTITIES ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 4);
/** Writes under way at once: enough to keep 100/s when one write takes tens of ms. */
const WRITES_IN_FLIGHT = Number(process.env.BENCH_WRITES_IN_FLIGHT ?? 8);
/** The stack's port (0: any free one). */
const PORT = Number(process.env.BENCH_PORT ?? 0);
const TEAMS = 7;
/** Latency histogram resolution: 1 ms buckets up to this many ms, then one overflow bucket. */
const HISTOGRAM_MS = 60_000;

interface Identity {
  kind: 'member' | 'supervisor' | 'service' | 'anon';
  team?: number;
  token: string;
}

interface Write {
  seq: number;
  team: number;
}

/** What one client process counted. */
interface ClientReport {
  histogram: number[];
  delivered: number;
  expected: number;
  /** Expected deliveries missing on sockets that stayed open: must be 0. */
  lost: number;
  /** Sockets the stack cut (backpressure: a real client reconnects and resyncs; these do not). */
  cutSockets: number;
  /** Expected deliveries missing on the cut sockets, after their cut. */
  lostOnCutSockets: number;
  duplicates: number;
  /** Rows received by a subscriber whose identity may not see them. */
  leaked: number;
  cpuMs: number;
  rssMb: number;
}

type ChildMessage = { type: 'listening' } | { type: 'ready' } | { type: 'report'; report: ClientReport };
type ParentMessage =
  | { type: 'start'; url: string; identities: Identity[]; totalChanges: number }
  | { type: 'done'; writes: Write[] };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

/** Percentiles of a 1 ms histogram (latencies below 0 — clock granularity — count as 0). */
function histogramSummary(h: number[]) {
  const n = h.reduce((a, b) => a + b, 0);
  const at = (p: number) => {
    const rank = Math.min(n - 1, Math.floor((p / 100) * n));
    let seen = 0;
    for (let ms = 0; ms < h.length; ms++) {
      seen += h[ms];
      if (seen > rank) return ms;
    }
    return NaN;
  };
  let max = NaN;
  for (let ms = h.length - 1; ms >= 0; ms--) if (h[ms]) { max = ms; break; }
  return { n, p50: at(50), p95: at(95), p99: at(99), max };
}

function sees(id: Identity, team: number): boolean {
  return id.kind === 'service' || id.kind === 'supervisor' || (id.kind === 'member' && id.team === team);
}

/**
 * The identity mix of the 2026-11 benchmark, scaled: 70 % team members (7 teams), 20 % supervisors,
 * 6 % service role, 4 % anon. Service and anon share the demo keys (as real servers and public
 * screens do), so they form one claims group each.
 */
async function identities(count: number): Promise<Identity[]> {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const members = Math.round(count * 0.7);
  const supervisors = Math.round(count * 0.2);
  const services = Math.round(count * 0.06);
  const anons = count - members - supervisors - services;
  const out: Identity[] = [];
  const user = (i: number, app: Record<string, unknown>) =>
    signJwt(
      { sub: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, role: 'authenticated', aud: 'authenticated', exp, app_metadata: app },
      DEMO_JWT_SECRET,
    );
  for (let i = 0; i < members; i++) out.push({ kind: 'member', team: i % TEAMS, token: await user(i, { team: i % TEAMS, role: 'operator' }) });
  for (let i = members; i < members + supervisors; i++) out.push({ kind: 'supervisor', token: await user(i, { role: 'supervisor' }) });
  for (let i = 0; i < services; i++) out.push({ kind: 'service', token: DEMO_SERVICE_ROLE_KEY });
  for (let i = 0; i < anons; i++) out.push({ kind: 'anon', token: DEMO_ANON_KEY });
  return out;
}

/** Child process: the subscribers given to it (their identities, in order). */
async function runClients(url: string, mine: Identity[], totalChanges: number) {
  const wsUrl = `${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${DEMO_ANON_KEY}&vsn=2.0.0`;
  const histogram = new Array<number>(HISTOGRAM_MS + 1).fill(0);
  // One receipt counter per subscriber and change seq (a subscriber never gets more than 255 of one).
  const receipts = mine.map(() => new Uint8Array(totalChanges));
  const cut = new Uint8Array(mine.length);
  let finished = false;
  let delivered = 0;
  let leaked = 0;
  const sockets: WebSocket[] = [];
  let joined = 0;
  const cpu0 = process.cpuUsage();
  // Opened a batch at a time: fast, without a burst of thousands of handshakes at once.
  const OPEN_BATCH = 50;
  for (let start = 0; start < mine.length; start += OPEN_BATCH) {
    await Promise.all(
      mine.slice(start, start + OPEN_BATCH).map(async (id, offset) => {
        const k = start + offset;
        const ws = new WebSocket(wsUrl);
        sockets.push(ws);
        ws.on('close', () => {
          if (!finished) cut[k] = 1;
        });
        ws.on('message', (data) => {
          const now = Date.now();
          const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
          if (event === 'phx_reply' && (payload.response as { postgres_changes?: unknown })?.postgres_changes) {
            if (payload.status === 'ok') joined++;
          } else if (event === 'phx_reply' && payload.status === 'error') {
            process.stderr.write(`join refused: ${JSON.stringify(payload.response)}\n`);
          } else if (event === 'postgres_changes') {
            const d = payload.data as { commit_timestamp: string; record: { seq: number; team: number } };
            delivered++;
            histogram[Math.max(0, Math.min(HISTOGRAM_MS, now - Date.parse(d.commit_timestamp)))]++;
            const seq = d.record.seq;
            if (seq >= 0 && seq < totalChanges && receipts[k][seq] < 255) receipts[k][seq]++;
            if (!sees(id, d.record.team)) leaked++;
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
      }),
    );
  }
  const hb = setInterval(() => {
    for (const ws of sockets) ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]));
  }, 25_000);
  const joinDeadline = Date.now() + 120_000;
  while (joined < mine.length) {
    if (Date.now() > joinDeadline) throw new Error(`only ${joined} of ${mine.length} subscribers joined in 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  process.send?.({ type: 'ready' } satisfies ChildMessage);
  process.on('message', (m: ParentMessage) => {
    if (m.type !== 'done') return;
    finished = true;
    clearInterval(hb);
    const cpu = process.cpuUsage(cpu0);
    let expected = 0;
    let lost = 0;
    let lostOnCutSockets = 0;
    let duplicates = 0;
    mine.forEach((id, k) => {
      for (const w of m.writes) {
        const got = receipts[k][w.seq];
        if (got > 1) duplicates += got - 1;
        if (!sees(id, w.team)) continue;
        expected++;
        if (!got && cut[k]) lostOnCutSockets++;
        else if (!got) lost++;
      }
    });
    const report: ClientReport = {
      histogram,
      delivered,
      expected,
      lost,
      cutSockets: cut.reduce((a, b) => a + b, 0),
      lostOnCutSockets,
      duplicates,
      leaked,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    process.send?.({ type: 'report', report } satisfies ChildMessage, () => {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    });
  });
}

function waitFor(children: Array<{ child: ChildProcess; messages: ChildMessage[] }>, type: ChildMessage['type']): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (children.some((c) => c.child.exitCode !== null && !c.messages.some((m) => m.type === type))) {
        clearInterval(timer);
        reject(new Error('a subscriber process exited early'));
      } else if (children.every((c) => c.messages.some((m) => m.type === type))) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL;
  const created = base ? await createTestDatabase(base) : undefined;
  const config = {
    ...configFromEnv({}),
    port: PORT,
    dataDir: 'memory://',
    databaseUrl: created?.url,
    migrationsDir: path.join(here, '..', 'tests', 'conformance', 'fixtures', 'realtime', 'bench-migrations'),
    seedFile: undefined,
  };
  const stack = await startStack(config);
  const ids = await identities(IDENTITIES);
  const total = RATE * DURATION_S;
  const load0 = os.loadavg();
  try {
    // Subscriber i has identity i % ids.length, as before; process p takes subscribers p, p + P, ...
    const processes = Math.max(1, Math.min(CLIENT_PROCESSES, SUBSCRIBERS));
    const children = Array.from({ length: processes }, (_, p) => {
      const mine: Identity[] = [];
      for (let i = p; i < SUBSCRIBERS; i += processes) mine.push(ids[i % ids.length]);
      const child = fork(fileURLToPath(import.meta.url), ['--clients'], {
        execArgv: ['--import', 'tsx'],
      });
      const messages: ChildMessage[] = [];
      child.on('message', (m: ChildMessage) => {
        messages.push(m);
        // Thousands of tokens are too large for the environment: they go over the IPC channel, once
        // the child listens (a message sent before that is lost).
        if (m.type === 'listening') child.send({ type: 'start', url: stack.url, identities: mine, totalChanges: total } satisfies ParentMessage);
      });
      return { child, messages };
    });
    const setupStart = Date.now();
    await waitFor(children, 'ready');
    const setupMs = Date.now() - setupStart;

    // Floor: NOTIFY to LISTEN through the same database interface the stack uses.
    const floor: number[] = [];
    const unlisten = await stack.db.listen('bench_floor', (p) => floor.push(performance.now() + performance.timeOrigin - Number(p)));

    const writes: Write[] = [];
    const writeMs: number[] = [];
    const rss: number[] = [process.memoryUsage().rss];
    const cpu0 = process.cpuUsage();
    // With bench/cpu-profile-preload.ts loaded, SIGUSR2 starts (and later stops) the CPU profile.
    const profiling = Boolean(process.env.BENCH_CPU_PROFILE_FILE);
    if (profiling) process.kill(process.pid, 'SIGUSR2');
    const t0 = performance.now();
    const rssTimer = setInterval(() => rss.push(process.memoryUsage().rss), 1000);
    let lastFloor = 0;
    // The writer keeps the planned schedule by not awaiting each write before the next is due: up to
    // WRITES_IN_FLIGHT run at once (on PGlite they queue on its one connection anyway). A writer that
    // still cannot keep the rate stops at twice the planned time: the result then shows the rate
    // reached, not an unbounded run. Only committed writes count as changes.
    const writeDeadline = t0 + 2 * DURATION_S * 1000;
    const inFlight = new Set<Promise<void>>();
    let writeErrors = 0;
    const launch = (run: () => Promise<unknown>, done?: (ms: number) => void) => {
      const w0 = performance.now();
      const p: Promise<void> = run().then(
        () => done?.(performance.now() - w0),
        (err: unknown) => {
          writeErrors++;
          process.stderr.write(`write failed: ${err instanceof Error ? err.message : String(err)}\n`);
        },
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    };
    for (let seq = 0; seq < total && performance.now() < writeDeadline; seq++) {
      const due = t0 + (seq * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      const team = seq % TEAMS;
      const record = (ms: number) => {
        writeMs.push(ms);
        writes.push({ seq, team });
      };
      if (seq % 3 === 2) {
        // Every third change is an update of an earlier row; it carries the new seq and team.
        launch(() => stack.db.query(`update bench_events set seq = $1, team = $2, version = version + 1 where id = (select max(id) from bench_events)`, [seq, team]), record);
      } else {
        launch(() => stack.db.query(`insert into bench_events (team, seq, body) values ($1, $2, repeat('x', 200))`, [team, seq]), record);
      }
      if (performance.now() - lastFloor > 100) {
        lastFloor = performance.now();
        launch(() => stack.db.query(`select pg_notify('bench_floor', $1)`, [String(performance.now() + performance.timeOrigin)]));
      }
    }
    await Promise.all(inFlight);
    if (profiling) process.kill(process.pid, 'SIGUSR2');
    const elapsedS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const load1 = os.loadavg();
    clearInterval(rssTimer);
    rss.push(process.memoryUsage().rss);
    // The stack has drained every change (it deletes what it hands out), then the clients get a
    // moment to read what is still on the wire.
    const drainDeadline = Date.now() + 30_000;
    while ((await stack.db.query<{ n: number }>('select count(*)::int as n from realtime.changes')).rows[0].n > 0) {
      if (Date.now() > drainDeadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const backlogS = (performance.now() - t0) / 1000 - elapsedS;
    await new Promise((r) => setTimeout(r, 3000));
    await unlisten();
    for (const c of children) c.child.send({ type: 'done', writes } satisfies ParentMessage);
    await waitFor(children, 'report');
    const reports = children.map((c) => {
      const m = c.messages.find((x) => x.type === 'report');
      if (m?.type !== 'report') throw new Error('no report');
      return m.report;
    });
    const histogram = new Array<number>(HISTOGRAM_MS + 1).fill(0);
    for (const r of reports) r.histogram.forEach((n, ms) => (histogram[ms] += n));
    const sum = (f: (r: ClientReport) => number) => reports.reduce((a, r) => a + f(r), 0);
    const result = {
      backend: created ? 'postgres' : 'pglite',
      subscribers: SUBSCRIBERS,
      identities: ids.length,
      clientProcesses: processes,
      changesPerSecond: RATE,
      durationS: Number(elapsedS.toFixed(1)),
      plannedChanges: total,
      changes: writes.length,
      changesPerSecondReached: Number((writes.length / elapsedS).toFixed(1)),
      writesInFlight: WRITES_IN_FLIGHT,
      writeErrors,
      setupMs,
      /** Seconds after the last write until the stack had drained the change queue. */
      backlogS: Number(backlogS.toFixed(1)),
      expectedDeliveries: sum((r) => r.expected),
      delivered: sum((r) => r.delivered),
      lost: sum((r) => r.lost),
      cutSockets: sum((r) => r.cutSockets),
      lostOnCutSockets: sum((r) => r.lostOnCutSockets),
      duplicates: sum((r) => r.duplicates),
      leaked: sum((r) => r.leaked),
      commitToClientMs: histogramSummary(histogram),
      notifyToListenMs: summary(floor),
      writeMs: summary(writeMs),
      stackCpuPercent: Number((((cpu.user + cpu.system) / 1000 / (elapsedS * 1000)) * 100).toFixed(1)),
      stackRssMb: { avg: Math.round(rss.reduce((a, b) => a + b, 0) / rss.length / 2 ** 20), max: Math.round(Math.max(...rss) / 2 ** 20) },
      clientCpuPercent: Number(((sum((r) => r.cpuMs) / (elapsedS * 1000)) * 100).toFixed(1)),
      clientRssMb: sum((r) => r.rssMb),
      loadAverage: { start: Number(load0[0].toFixed(2)), end: Number(load1[0].toFixed(2)) },
    };
    console.log(JSON.stringify(result, null, 2));
    // The profile is written asynchronously after the second signal.
    if (profiling) await new Promise((r) => setTimeout(r, 3000));
  } finally {
    await stack.close();
    await created?.drop();
  }
}

if (process.argv.includes('--clients')) {
  const start = await new Promise<Extract<ParentMessage, { type: 'start' }>>((resolve) => {
    const onStart = (m: ParentMessage) => {
      if (m.type !== 'start') return;
      process.off('message', onStart);
      resolve(m);
    };
    process.on('message', onStart);
    process.send?.({ type: 'listening' } satisfies ChildMessage);
  });
  await runClients(start.url, start.identities, start.totalChanges);
} else {
  await main();
}
