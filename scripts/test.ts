/**
 * `npm test`: every suite in turn — types, lint, generated types and seed up to date, unit, database
 * (pgTAP), stack conformance, then a production build, the browser e2e, and the history-reading browser specs
 * again under a moved clock (libfaketime). Runs all of them even when one
 * fails, prints a summary with durations, and exits non-zero if any failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { CHROMIUM_INSTALL_HINT, findChromium } from './find-chromium.ts';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string | undefined>;
  /** A reason the step cannot run on this machine; the run then fails with that reason. */
  missing?: string;
}

const FAKETIME_INSTALL_HINT = 'The moved-clock browser tests need libfaketime: sudo apt-get install -y faketime';

function hasFaketime(): boolean {
  return spawnSync('faketime', ['-f', '+0', 'true']).status === 0;
}

const only = process.argv.slice(2);
const chromiumPath = findChromium();

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
    cmd: ['npx', 'playwright', 'test'],
    env: chromiumPath ? { PLAYWRIGHT_CHROMIUM_PATH: chromiumPath } : {},
    missing: chromiumPath ? undefined : CHROMIUM_INSTALL_HINT,
  },
  {
    // The specs that read the seeded history (relative to "now"), again on other days and across
    // WIB midnight: a test that holds only on some dates fails here, not on the day it turns red.
    name: 'e2e (moved clock)',
    cmd: ['npx', 'tsx', 'scripts/e2e-clock.ts', 'e2e/stats.spec.ts', 'e2e/wall.spec.ts', 'e2e/operator.spec.ts'],
    env: chromiumPath ? { PLAYWRIGHT_CHROMIUM_PATH: chromiumPath } : {},
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
  const code = await run(step);
  results.push({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n━━ summary');
for (const r of results) {
  console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.name.padEnd(18)} ${r.seconds.toFixed(1).padStart(7)} s${r.note ? '  ' + r.note : ''}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
