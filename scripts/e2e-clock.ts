/**
 * The browser tests on other days and at the WIB day boundary: runs Playwright under libfaketime
 * (`faketime`) so the stack (PGlite's now()), the Next.js server, the seed, the browsers and the test
 * runner all read one moved clock. The seed is relative to "now", so each run sees the same history
 * shifted; a test that passes only on some dates fails here.
 *
 *   npx tsx scripts/e2e-clock.ts [--at moment,…] [spec files…]
 *
 * Moments: minus40d, plus40d, before-midnight (starts at 23:58:30 WIB, so the run crosses into the
 * next WIB day while it runs), after-midnight (00:01 WIB), and the two combined ones run by default,
 * plus40d-before-midnight and minus40d-after-midnight. Exits non-zero if any run fails.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.ts';

const WIB_OFFSET_S = 7 * 3600;
const DAY_S = 86_400;
/** 23:58:30 WIB: the run crosses into the next WIB day while it runs. */
const BEFORE_MIDNIGHT_S = 23 * 3600 + 58 * 60 + 30;
/** 00:01 WIB: a new day with nothing recorded yet today. */
const AFTER_MIDNIGHT_S = 60;

/** Seconds to add to the real clock for each named moment. */
const moments: Record<string, (nowS: number) => number> = {
  minus40d: () => -40 * DAY_S,
  plus40d: () => 40 * DAY_S,
  'before-midnight': (nowS) => nextWibTimeOfDay(nowS, BEFORE_MIDNIGHT_S) - nowS,
  'after-midnight': (nowS) => nextWibTimeOfDay(nowS, AFTER_MIDNIGHT_S) - nowS,
  // The two that `npm test` runs: each moves the date and sits at the WIB day boundary, so two runs
  // cover what the four above cover one by one.
  'plus40d-before-midnight': (nowS) => nextWibTimeOfDay(nowS + 40 * DAY_S, BEFORE_MIDNIGHT_S) - nowS,
  'minus40d-after-midnight': (nowS) => nextWibTimeOfDay(nowS - 40 * DAY_S, AFTER_MIDNIGHT_S) - nowS,
};
const DEFAULT_MOMENTS = ['plus40d-before-midnight', 'minus40d-after-midnight'];

/** The next instant (unix seconds) whose WIB time of day is `secondOfDay`. */
function nextWibTimeOfDay(nowS: number, secondOfDay: number): number {
  const wibNow = nowS + WIB_OFFSET_S;
  const wibMidnight = wibNow - (wibNow % DAY_S);
  let target = wibMidnight + secondOfDay - WIB_OFFSET_S;
  if (target <= nowS) target += DAY_S;
  return target;
}

const args = process.argv.slice(2);
const atIndex = args.indexOf('--at');
if (atIndex >= 0 && !args[atIndex + 1]) {
  console.error('e2e-clock: --at needs a comma-separated list of moments');
  process.exit(2);
}
const names = atIndex >= 0 ? args[atIndex + 1].split(',') : DEFAULT_MOMENTS;
const specs = args.filter((_, i) => i !== atIndex && i !== atIndex + 1);

const unknown = names.filter((n) => !moments[n]);
if (unknown.length) {
  console.error(`e2e-clock: unknown moment(s) ${unknown.join(', ')}; known: ${Object.keys(moments).join(', ')}`);
  process.exit(2);
}
if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('e2e-clock: needs libfaketime\'s `faketime` (Debian/Ubuntu: sudo apt-get install -y faketime).');
  process.exit(1);
}
const chromium = findChromium();

const failed: string[] = [];
for (const name of names) {
  const offset = moments[name](Math.floor(Date.now() / 1000));
  const moved = new Date(Date.now() + offset * 1000);
  console.log(`\n━━ e2e at ${name}: ${moved.toISOString()} (${offset >= 0 ? '+' : ''}${offset} s)`);
  const run = spawnSync('faketime', ['-f', `${offset >= 0 ? '+' : ''}${offset}`, 'npx', 'playwright', 'test', ...specs], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(chromium ? { PLAYWRIGHT_CHROMIUM_PATH: chromium } : {}),
    },
  });
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`e2e-clock: failed at ${failed.join(', ')}`);
  process.exit(1);
}
