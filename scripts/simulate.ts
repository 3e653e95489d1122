/**
 * `npm run simulate`: drives a whole 112 center through its public interfaces — the signed telephony
 * webhook and supabase-js signed in as simulated operators, supervisors and OPD liaisons — and prints
 * a progress line and a summary (lib/simulation). Exit code 1 when any error was counted.
 */
import { writeFileSync } from 'node:fs';
import { parseSimArgs, SIM_USAGE } from '../lib/simulation/options.ts';
import { runSimulation } from '../lib/simulation/run/center.ts';
import { simDefaults } from '../lib/simulation/run/defaults.ts';
import { formatSummary } from '../lib/simulation/summary.ts';

const parsed = parseSimArgs(process.argv.slice(2), simDefaults(process.env, process.cwd()));
if (!parsed.ok) {
  if (parsed.help) {
    console.log(SIM_USAGE);
    process.exit(0);
  }
  console.error(`simulate: ${parsed.message}\n\n${SIM_USAGE}`);
  process.exit(2);
}
const options = parsed.options;

// Ctrl-C once: stop, let every chain record where it stopped, print the summary. Twice: leave now.
const stop = new AbortController();
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(130);
  console.error('\nsimulate: stopping (Ctrl-C again to leave at once)…');
  stop.abort();
});
process.on('SIGTERM', () => stop.abort());

try {
  const result = await runSimulation(options, (line) => console.log(line), stop.signal);
  console.log(`\n${formatSummary(result.summary)}`);
  if (options.json) {
    writeFileSync(options.json, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nsimulate: summary and per-call records written to ${options.json}`);
  }
  process.exit(result.summary.errors.total === 0 ? 0 : 1);
} catch (err) {
  console.error(`simulate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
