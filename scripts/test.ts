/**
 * `npm test`: every suite in turn — types, lint, generated types and seed up to date, unit, database
 * (pgTAP), stack conformance (two files at a time), then a production build, the browser e2e (in lanes
 * side by side, E2E_LANES, default 2), and the history-reading browser specs again under a moved clock
 * (libfaketime, one lane per moment). Runs all of them even when one fails, prints a summary with
 * durations, and exits non-zero if any failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dealSpecs } from './e2e-deal.ts';
import { CHROMIUM_INSTALL_HINT, findChromium } from './find-chromium.ts';
import { runLanes, type Lane } from './run-lanes.ts';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string | undefined>;
  /** Run these side by side instead of `cmd` (which then only names the step in the log). */
  lanes?: Lane[];
  /** A reason the step cannot run on this machine; the run then fails with that reason. */
  missing?: string;
}

const FAKETIME_INSTALL_HINT = 'The moved-clock browser tests need libfaketime: sudo apt-get install -y faketime';

function hasFaketime(): boolean {
  return spawnSync('faketime', ['-f', '+0', 'true']).status === 0;
}

const only = process.argv.slice(2);
const chromiumPath = findChromium();
const chromiumEnv = chromiumPath ? { PLAYWRIGHT_CHROMIUM_PATH: chromiumPath } : {};

/**
 * Browser lanes: each runs its own e2e server (stack, database, Next.js) on ports 10 apart below the
 * default 3199, and writes to its own result folders. Two lanes by default: the two cores are mostly
 * idle while a browser test waits, and the suite is the longest part of the run.
 */
const E2E_LANES = Math.max(1, Number(process.env.E2E_LANES ?? 2));
function browserLane(index: number, name: string, cmd: string[]): Lane {
  return {
    name,
    cmd,
    env: {
      ...chromiumEnv,
      E2E_PORT: String(3199 - 10 * index),
      E2E_STACK_PORT: undefined,
      E2E_CONTROL_PORT: undefined,
      E2E_SIP_PORT: undefined,
      E2E_OUTPUT_DIR: `test-results/${name}`,
      E2E_REPORT_DIR: `playwright-report/${name}`,
    },
  };
}

/** The spec files dealt by expected duration (scripts/e2e-deal.ts), so the lanes end about together. */
function e2eLanes(): Lane[] {
  const specs = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
  const table = JSON.parse(readFileSync('scripts/e2e-durations.json', 'utf8')) as { seconds: Record<string, number> };
  // A lane with no spec is left out: `playwright test` without files would run them all.
  return dealSpecs(specs, table.seconds, E2E_LANES).flatMap((lane, i) =>
    lane.specs.length ? [browserLane(i, `e2e-${i + 1}`, ['npx', 'playwright', 'test', ...lane.specs.map((f) => `e2e/${f}`)])] : [],
  );
}

// The specs that read the seeded history (relative to "now"), again on other days and across WIB
// midnight: a test that holds only on some dates fails here, not on the day it turns red. One lane
// per moment.
const MOVED_CLOCK_SPECS = ['e2e/stats.spec.ts', 'e2e/wall.spec.ts', 'e2e/operator.spec.ts'];
const MOVED_CLOCK_MOMENTS = ['plus40d-before-midnight', 'minus40d-after-midnight'];
function movedClockLanes(): Lane[] {
  return MOVED_CLOCK_MOMENTS.map((moment, i) =>
    browserLane(i, `clock-${moment}`, ['npx', 'tsx', 'scripts/e2e-clock.ts', '--at', moment, ...MOVED_CLOCK_SPECS]),
  );
}

const steps: Step[] = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'generated types', cmd: ['npx', 'tsx', 'scripts/gen-types.ts', '--check'] },
  { name: 'seed up to date', cmd: ['npx', 'tsx', 'scripts/generate-seed.ts', '--check'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
  { name: 'database (pgTAP)', cmd: ['npx', 'tsx', 'scripts/test-db.ts'] },
  { name: 'conformance', cmd: ['npx', 'vitest', 'run', '--project', 'conformance'] },
  { name: 'build', cmd: ['npx', 'next', 'build'], env: { NEXT_TELEMETRY_DISABLED: '1' } },
  {
    name: 'e2e',
    cmd: ['npx', 'playwright', 'test', `(${E2E_LANES} lanes)`],
    lanes: e2eLanes(),
    missing: chromiumPath ? undefined : CHROMIUM_INSTALL_HINT,
  },
  {
    name: 'e2e (moved clock)',
    cmd: ['npx', 'tsx', 'scripts/e2e-clock.ts', `(${MOVED_CLOCK_MOMENTS.length} lanes)`],
    lanes: movedClockLanes(),
    missing: !chromiumPath ? CHROMIUM_INSTALL_HINT : hasFaketime() ? undefined : FAKETIME_INSTALL_HINT,
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

const results: Array<{ name: string; ok: boolean; seconds: number; note?: string }> = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n━━ ${step.name}: ${step.cmd.join(' ')}`);
  if (step.missing) {
    console.error(step.missing);
    results.push({ name: step.name, ok: false, seconds: 0, note: 'no Chromium' });
    continue;
  }
  const started = Date.now();
  const code = step.lanes ? ((await runLanes(step.lanes)).every((r) => r.code === 0) ? 0 : 1) : await run(step);
  results.push({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n━━ summary');
for (const r of results) {
  console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.name.padEnd(18)} ${r.seconds.toFixed(1).padStart(7)} s${r.note ? '  ' + r.note : ''}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
