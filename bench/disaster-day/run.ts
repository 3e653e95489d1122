/**
 * One disaster-day run against a running center, the part the benchmark (bench/disaster-day.ts) and
 * the CI smoke (e2e/simulator.spec.ts) share: open the screens, play one or more simulator steps
 * (`npm run simulate` as a child process, one call rate each), then collect the screens' latencies
 * and their comparison with fresh reads, and check exactly-once against the database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from '../../lib/simulation/metrics';
import type { SimResult } from '../../lib/simulation/run/center';
import { screenSpecs, startScreenFleet, type FleetReport, type ScreenMix } from './screen-fleet';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface CenterAccess {
  appUrl: string;
  supabaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  webhookSecret: string;
}

export interface RunStep {
  rate: number;
  durationS: number;
}

export interface RunPlan {
  steps: RunStep[];
  screens: ScreenMix;
  screenProcesses: number;
  /** The people and pace of the simulator (e.g. `--operators 20 --speed 60`). */
  simArgs: string[];
  /** Called around each step (the benchmark samples CPU and load there). */
  onStep?: { start(step: RunStep, simulatorPid: number | undefined): void; end(step: RunStep): void };
  log?: (line: string) => void;
}

export interface StepResult {
  step: RunStep;
  exitCode: number | null;
  sim: SimResult;
}

export interface LatencySummary {
  view: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface DisasterDayResult {
  steps: StepResult[];
  screens: Omit<FleetReport, 'latencies'> & { latency: LatencySummary[] };
}

function summariseLatency(latencies: Record<string, number[]>): LatencySummary[] {
  const all = Object.values(latencies).flat();
  return [...Object.entries(latencies), ['all screens', all] as const].map(([view, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { view, count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? Number.NaN };
  });
}

function simulate(args: string[], log: (line: string) => void, onPid: (pid: number | undefined) => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], { cwd: root });
    onPid(child.pid);
    let partial = '';
    const onData = (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) log(l);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

export async function runDisasterDay(center: CenterAccess, plan: RunPlan): Promise<DisasterDayResult> {
  const log = plan.log ?? (() => undefined);
  const specs = await screenSpecs(center.supabaseUrl, center.anonKey, plan.screens);
  const fleetStarted = Date.now();
  const fleet = await startScreenFleet({ url: center.supabaseUrl, anonKey: center.anonKey, screens: specs, processes: plan.screenProcesses });
  log(`disaster-day: ${specs.length} screens live in ${plan.screenProcesses} processes after ${((Date.now() - fleetStarted) / 1000).toFixed(1)} s`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'disaster-day-'));
  const steps: StepResult[] = [];
  try {
    for (const [i, step] of plan.steps.entries()) {
      const json = path.join(dir, `step-${i}.json`);
      const args = [
        ...['--app-url', center.appUrl, '--supabase-url', center.supabaseUrl, '--anon-key', center.anonKey, '--service-role-key', center.serviceRoleKey],
        ...['--webhook-secret', center.webhookSecret, '--rate', String(step.rate), '--duration', String(step.durationS)],
        ...plan.simArgs,
        ...['--json', json],
      ];
      log(`disaster-day: step ${i + 1}/${plan.steps.length}: ${step.rate} calls/s for ${step.durationS} s`);
      const exitCode = await simulate(args, (l) => log(`  ${l}`), (pid) => plan.onStep?.start(step, pid));
      plan.onStep?.end(step);
      const sim: SimResult = JSON.parse(readFileSync(json, 'utf8'));
      steps.push({ step, exitCode, sim });
    }
    const report = await fleet.report(60_000);
    const { latencies, ...rest } = report;
    return { steps, screens: { ...rest, latency: summariseLatency(latencies) } };
  } finally {
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The actions of the workflow whose p95 decides the knee (not sign-in, not the load generator's lag). */
export function workflowP95(sim: SimResult): { action: string; p95Ms: number } {
  const actions = sim.summary.actions.filter((a) => a.action !== 'sign in' && !a.action.startsWith('('));
  return actions.reduce((worst, a) => (a.p95Ms > worst.p95Ms ? { action: a.action, p95Ms: a.p95Ms } : worst), { action: '—', p95Ms: 0 });
}
