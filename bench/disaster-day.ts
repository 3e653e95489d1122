/**
 * "Hari bencana" (issue #19, Load): the whole center at once. Starts `npm start` (scripts/start.ts)
 * on its own ports and data — PGlite in a fresh data directory, or a Postgres database of its own
 * that is dropped afterwards — opens 300 screens (wall, dispatch, OPD inboxes, statistics) in child
 * processes, plays the simulator's disaster day (5 calls/s for 10 minutes, 20 operators, 5
 * supervisors, 30 liaisons) or a ladder of call rates (the knee), samples CPU and memory of the
 * stack process and of the Next.js server, then stops the center and checks exactly-once in SQL.
 *
 *   npm run bench:disaster-day -- --backend pglite|postgres            # 5 calls/s, 600 s, 300 screens
 *   npm run bench:disaster-day -- --backend postgres --knee 1,2,3,5,8  # 120 s per rate (--step-duration)
 *   npm run bench:disaster-day -- --short                              # 1 call/s for 60 s, 20 screens
 *
 * Options: --rate --duration --screens --screen-processes --json FILE --database-url (the server the
 * Postgres database is created on; default postgres://postgres@127.0.0.1:5432/postgres), --profile FILE
 * (a CPU profile of the stack's main thread over the first step's calls; bench/cpu-profile-summary.ts). Ports: PORT
 * (default 3340) and STACK_PORT (default 54340). Exit code 1 when anything failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../supabase/local/db/open-database';
import { createTestDatabase } from '../tests/support/test-stack';
import { checkExactlyOnce, type ExactlyOnceReport } from './disaster-day/exactly-once';
import { childPids, sampleUsage, type UsageSummary } from './disaster-day/proc-usage';
import { runDisasterDay, workflowP95, type DisasterDayResult, type RunStep } from './disaster-day/run';
import { DISASTER_DAY_SCREENS, scaledMix } from './disaster-day/screen-fleet';

const root = path.resolve(import.meta.dirname, '..');
const WEBHOOK_SECRET = 'disaster-day-bench-secret';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'pglite' },
    short: { type: 'boolean', default: false },
    rate: { type: 'string' },
    duration: { type: 'string' },
    knee: { type: 'string' },
    'step-duration': { type: 'string', default: '120' },
    screens: { type: 'string' },
    'screen-processes': { type: 'string', default: '2' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    json: { type: 'string' },
    profile: { type: 'string' },
  },
});

const args = z
  .object({
    backend: z.enum(['pglite', 'postgres']),
    short: z.boolean(),
    rate: z.coerce.number().positive().max(50).optional(),
    duration: z.coerce.number().int().positive().max(3600).optional(),
    knee: z
      .string()
      .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'a list of rates such as 1,2,3,5,8')
      .optional(),
    stepDuration: z.coerce.number().int().positive().max(3600),
    screens: z.coerce.number().int().min(1).max(2000).optional(),
    screenProcesses: z.coerce.number().int().min(1).max(16),
    databaseUrl: z.string().url(),
    json: z.string().optional(),
    profile: z.string().optional(),
  })
  .parse({ ...values, stepDuration: values['step-duration'], screenProcesses: values['screen-processes'], databaseUrl: values['database-url'] });

const steps: RunStep[] = args.knee
  ? args.knee.split(',').map((r) => ({ rate: Number(r), durationS: args.stepDuration }))
  : [{ rate: args.rate ?? (args.short ? 1 : 5), durationS: args.duration ?? (args.short ? 60 : 600) }];
const screenCount = args.screens ?? (args.short ? 20 : 300);
const mix = screenCount === 300 ? DISASTER_DAY_SCREENS : scaledMix(screenCount);
const appPort = Number(process.env.PORT ?? 3340);
const stackPort = Number(process.env.STACK_PORT ?? 54340);

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForApp(url: string, center: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (center.exitCode !== null) throw new Error(`the center exited (${center.exitCode}); see its log`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(1000);
  }
  throw new Error(`the center did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function stopCenter(center: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (center.exitCode !== null || center.signalCode !== null) return resolve();
    const timer = setTimeout(() => center.kill('SIGKILL'), 60_000);
    center.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    center.kill('SIGTERM');
  });
}

interface StepUsage {
  stack: UsageSummary;
  next: UsageSummary;
  simulator: UsageSummary | null;
  loadAverage: { start: number; end: number; samples: number[] };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'disaster-day-center-'));
  const created = args.backend === 'postgres' ? await createTestDatabase(args.databaseUrl) : undefined;
  const centerLog = path.join(dir, 'center.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    STACK_PORT: String(stackPort),
    HOST: '127.0.0.1',
    STACK_HOST: '127.0.0.1',
    DATABASE_URL: created?.url ?? '',
    STACK_DATA_DIR: path.join(dir, 'pglite'),
    STACK_SECRETS_FILE: path.join(dir, 'secrets.json'),
    TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MAP_TILE_URL: 'off',
    DEMO_MODE: '1',
    ...(args.profile ? { BENCH_CPU_PROFILE_FILE: path.resolve(args.profile) } : {}),
  };
  log(`disaster-day: ${args.backend}; center log ${centerLog}`);
  const out = createWriteStream(centerLog);
  // The stack runs in the center's own process (Next.js is its child): that is the one profiled.
  const preload = args.profile ? ['--import', path.join(root, 'bench', 'cpu-profile-preload.ts')] : [];
  const center = spawn(process.execPath, ['--import', 'tsx', ...preload, 'scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let profiling: 'before' | 'running' | 'done' = args.profile ? 'before' : 'done';
  center.stdout.pipe(out);
  center.stderr.pipe(out);
  let result: DisasterDayResult | undefined;
  let exactlyOnce: ExactlyOnceReport | undefined;
  const usage: StepUsage[] = [];
  let failure: string | undefined;
  try {
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitForApp(`${appUrl}/login`, center, 15 * 60_000);
    const keys = z.object({ anonKey: z.string(), serviceRoleKey: z.string() }).parse(JSON.parse(readFileSync(env.STACK_SECRETS_FILE!, 'utf8')));
    const nextPid = childPids(center.pid!, 'next')[0];
    if (!nextPid) throw new Error('no Next.js server process under the center');
    const stack = sampleUsage(center.pid!);
    const next = sampleUsage(nextPid);
    let simulator: ReturnType<typeof sampleUsage> | undefined;
    let marks = { stack: 0, next: 0 };
    let loads: number[] = [];
    const loadTimer = setInterval(() => loads.push(os.loadavg()[0]), 30_000);
    try {
      result = await runDisasterDay(
        { appUrl, supabaseUrl: `http://127.0.0.1:${stackPort}`, anonKey: keys.anonKey, serviceRoleKey: keys.serviceRoleKey, webhookSecret: WEBHOOK_SECRET },
        {
          steps,
          screens: mix,
          screenProcesses: args.screenProcesses,
          simArgs: args.short
            ? ['--speed', '60', '--operators', '6', '--supervisors', '2', '--liaisons', '9', '--seed', '19', '--drain-timeout', '120', '--quiet']
            : ['--speed', '60', '--operators', '20', '--supervisors', '5', '--liaisons', '30', '--seed', '112', '--drain-timeout', '300'],
          log,
          onStep: {
            start(_step, pid) {
              if (profiling === 'before') {
                profiling = 'running';
                center.kill('SIGUSR2');
              }
              marks = { stack: stack.mark(), next: next.mark() };
              loads = [os.loadavg()[0]];
              simulator = pid ? sampleUsage(pid) : undefined;
            },
            end() {
              if (profiling === 'running') {
                profiling = 'done';
                center.kill('SIGUSR2');
              }
              const s = simulator ? simulator.since(0) : null;
              simulator?.stop();
              usage.push({ stack: stack.since(marks.stack), next: next.since(marks.next), simulator: s, loadAverage: { start: loads[0], end: os.loadavg()[0], samples: loads } });
            },
          },
        },
      );
    } finally {
      clearInterval(loadTimer);
      stack.stop();
      next.stop();
    }
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
    log(`disaster-day: failed: ${failure}`);
  } finally {
    await stopCenter(center);
    out.end();
  }
  try {
    if (result) {
      // The center is down: the data directory (or database) is ours to read.
      const db = await openDatabase({ databaseUrl: created?.url, dataDir: env.STACK_DATA_DIR! });
      try {
        exactlyOnce = await checkExactlyOnce(db, result.steps.map((s) => s.sim));
      } finally {
        await db.close();
      }
    }
  } finally {
    await created?.drop();
    if (!failure) rmSync(dir, { recursive: true, force: true });
  }

  const report = { backend: args.backend, machine: machine(), steps: result?.steps.map((s, i) => ({ ...s.step, exitCode: s.exitCode, usage: usage[i], worst: workflowP95(s.sim), summary: s.sim.summary })), screens: result?.screens, exactlyOnce, failure };
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
  printReport(report);
  const errors = result?.steps.reduce((n, s) => n + s.sim.summary.errors.total, 0) ?? 1;
  const screensOk = result ? result.screens.viewsEqual === result.screens.viewsCompared && result.screens.notLive === 0 : false;
  return !failure && errors === 0 && exactlyOnce?.ok && screensOk ? 0 : 1;
}

function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');

function printReport(r: {
  backend: string;
  steps?: Array<RunStep & { usage?: StepUsage; worst: { action: string; p95Ms: number }; summary: DisasterDayResult['steps'][number]['sim']['summary'] }>;
  screens?: DisasterDayResult['screens'];
  exactlyOnce?: ExactlyOnceReport;
  failure?: string;
}) {
  const lines: string[] = [`\n## disaster day — ${r.backend}`];
  for (const s of r.steps ?? []) {
    const u = s.usage;
    lines.push(
      `\n### ${s.rate} calls/s for ${s.durationS} s: offered ${s.summary.offeredRate.toFixed(2)}/s, calls ${s.summary.calls.rung}, errors ${s.summary.errors.total}, ` +
        `conflicts ${s.summary.conflicts.total}, unfinished ${s.summary.calls.unfinished}; worst workflow p95 ${ms(s.worst.p95Ms)} (${s.worst.action})`,
    );
    if (u) {
      lines.push(
        `load average ${u.loadAverage.start.toFixed(1)} → ${u.loadAverage.end.toFixed(1)} (max ${Math.max(...u.loadAverage.samples, u.loadAverage.end).toFixed(1)}); ` +
          `stack CPU avg ${u.stack.cpuPercent.avg} % (p95 ${u.stack.cpuPercent.p95}), RSS avg ${u.stack.rssMb.avg} MB (max ${u.stack.rssMb.max}); ` +
          `Next CPU avg ${u.next.cpuPercent.avg} % (p95 ${u.next.cpuPercent.p95}), RSS avg ${u.next.rssMb.avg} MB (max ${u.next.rssMb.max})` +
          (u.simulator ? `; simulator CPU avg ${u.simulator.cpuPercent.avg} %` : ''),
      );
    }
    lines.push('', '| action | count | p50 | p95 | p99 | max |', '|---|---:|---:|---:|---:|---:|');
    for (const a of s.summary.actions) lines.push(`| ${a.action} | ${a.count} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(a.p99Ms)} | ${ms(a.maxMs)} |`);
    if (s.summary.errors.total) lines.push(`errors: ${JSON.stringify(s.summary.errors.byMessage)}`);
  }
  if (r.screens) {
    const sc = r.screens;
    lines.push(
      `\nscreens ${sc.screens} in ${sc.processes} processes: views equal to a fresh read ${sc.viewsEqual}/${sc.viewsCompared}, not live ${sc.notLive}, changes still pending ${sc.pendingAtEnd}`,
      '',
      '| commit → screen | changes shown | p50 | p95 | p99 | max |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const l of sc.latency) lines.push(`| ${l.view} | ${l.count} | ${ms(l.p50Ms)} | ${ms(l.p95Ms)} | ${ms(l.p99Ms)} | ${ms(l.maxMs)} |`);
    for (const d of sc.differences) lines.push(`difference: ${d.kind} ${d.view}: ${d.differences.join(' | ')}`);
  }
  if (r.exactlyOnce) {
    const e = r.exactlyOnce;
    lines.push(`\nexactly once (SQL): ${e.ok ? 'yes' : 'NO'} — ${e.calls} calls, ${e.incidents} incidents, ${e.assignments} assignments, ${e.events} audit rows`);
    for (const p of e.problems) lines.push(`  ${p}`);
  }
  if (r.failure) lines.push(`\nFAILED: ${r.failure}`);
  console.log(lines.join('\n'));
}

process.exit(await main());
