/**
 * `npm run demo`: what `npm start` starts, with the telephony webhook switched on, plus a gentle
 * simulation (one call about every 20 s, at real speed) so a newcomer sees a living wall in one
 * command. Options after `--` go to the simulator (`npm run demo -- --rate 0.1`). Ctrl-C stops the
 * simulation (printing its summary), then the app and the stack.
 */
import { randomBytes } from 'node:crypto';
import { parseSimArgs, SIM_USAGE } from '../lib/simulation/options.ts';
import { runSimulation } from '../lib/simulation/run/center.ts';
import { formatSummary } from '../lib/simulation/summary.ts';
import { startCenter } from './start-center.ts';

/** Gentle: a call every 20 s on average, people at their real pace, until stopped. */
const DEMO_ARGS = ['--rate', '0.05', '--speed', '1', '--duration', '86400', '--operators', '3', '--supervisors', '2', '--liaisons', '9', '--drain-timeout', '5'];

// The demo's own webhook secret unless one is given: the app and the simulated PBX share it.
const webhookSecret = process.env.TELEPHONY_WEBHOOK_SECRET || randomBytes(32).toString('hex');
const center = await startCenter({ TELEPHONY_WEBHOOK_SECRET: webhookSecret });
const appUrl = `http://127.0.0.1:${center.appPort}`;

const parsed = parseSimArgs([...DEMO_ARGS, ...process.argv.slice(2)], {
  appUrl,
  supabaseUrl: center.supabaseUrl,
  anonKey: center.config.anonKey,
  serviceRoleKey: center.config.serviceRoleKey,
  webhookSecret,
});
if (!parsed.ok) {
  console.error(parsed.help ? SIM_USAGE : `demo: ${parsed.message}\n\n${SIM_USAGE}`);
  await center.stop();
  process.exit(parsed.help ? 0 : 2);
}

async function appReady(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${appUrl}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the app did not answer on ${appUrl} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const stop = new AbortController();
let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  console.log('\ndemo: stopping the simulation, then the app and the stack…');
  stop.abort();
});
process.on('SIGTERM', () => stop.abort());
void center.exited.then(() => stop.abort());

let code = 0;
try {
  await appReady(120_000);
  console.log(`\ndemo: a simulated center is at work (calls from the simulated PBX every ~${Math.round(1 / parsed.options.rate)} s). Open ${appUrl}/wall`);
  const result = await runSimulation(parsed.options, (line) => console.log(`demo: ${line}`), stop.signal);
  console.log(`\n${formatSummary(result.summary)}`);
} catch (err) {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
}
await center.stop();
process.exit(code);
