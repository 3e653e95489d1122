/**
 * Writes scripts/e2e-durations.json, the table by which `npm test` deals spec files to its browser
 * lanes (scripts/e2e-deal.ts), from the output of Playwright's list reporter of a real run (one lane,
 * or `npm test`'s lanes, whose lines carry a `[e2e-N]` prefix):
 *
 *   E2E_PORT=3250 npx playwright test --reporter=list > /tmp/e2e.log
 *   npx tsx scripts/e2e-durations.ts /tmp/e2e.log "<what the machine was doing>"
 *
 * A spec's figure is the sum of its tests' attempts (retries and failures included: they cost the
 * lane time too), in whole seconds. A log cut short (no "passed"/"failed" summary) loses its last
 * spec, which may be incomplete; specs missing from the table count as the dealing's default. Only
 * the ratios matter to the dealing, so a loaded machine's run serves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `✓   41 [chromium] › e2e/login.spec.ts:45:3 › title (15.4s)`, also ✘ and retries; ms, s or m. */
const RESULT_LINE = /[✓✘]\s+\d+\s+\[[^\]]+\]\s+›\s+e2e\/([\w.-]+\.spec\.ts):\d+:\d+\s+›.*\((\d+(?:\.\d+)?)(ms|s|m)\)\s*$/;
const SUMMARY_LINE = /^\s*(?:\[[^\]]+\]\s*)?\d+ (?:passed|failed)/m;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

const [file, note] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx scripts/e2e-durations.ts <list-reporter-log> [note]');
const log = readFileSync(file, 'utf8');

const msBySpec = new Map<string, number>();
let last: string | undefined;
for (const line of log.split('\n')) {
  const m = RESULT_LINE.exec(line);
  if (!m) continue;
  const [, spec, amount, unit] = m;
  msBySpec.set(spec, (msBySpec.get(spec) ?? 0) + Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]);
  last = spec;
}
const complete = SUMMARY_LINE.test(log);
if (!complete && last) msBySpec.delete(last);

const seconds = Object.fromEntries([...msBySpec].sort(([a], [b]) => (a < b ? -1 : 1)).map(([spec, ms]) => [spec, Math.max(1, Math.round(ms / 1000))]));
const measured = `${new Date().toISOString().slice(0, 10)}, ${complete ? 'a whole run' : `a run cut short (${last ?? 'nothing'} and later specs not measured)`}${note ? `, ${note}` : ''}`;
writeFileSync(path.join(import.meta.dirname, 'e2e-durations.json'), JSON.stringify({ measured, seconds }, null, 2) + '\n');
console.log(`${Object.keys(seconds).length} specs, ${Object.values(seconds).reduce((a, b) => a + b, 0)} s in all`);
