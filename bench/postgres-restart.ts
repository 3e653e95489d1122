/**
 * Long variant of tests/conformance/postgres-restart.test.ts (#19): the stack in DATABASE_URL mode on
 * a throw-away Postgres 15 server of its own, writers sending telephony events as a PBX relay does,
 * and the server restarted (`pg_ctl restart -m fast`) every BENCH_RESTART_EVERY_S seconds for
 * BENCH_DURATION_S seconds. Prints what was injected, requests, failures by status and code, events
 * applied twice (must be 0) and the recovery time after each restart.
 *
 *   npx tsx bench/postgres-restart.ts            # 5 minutes, a restart every 30 s, 8 writers
 *   BENCH_DURATION_S=60 npx tsx bench/postgres-restart.ts
 */
import { startRestartLoad } from '../tests/support/restart-load.ts';
import { startTestStack } from '../tests/support/test-stack.ts';
import { startThrowawayPostgres } from '../tests/support/throwaway-postgres.ts';

const durationS = Number(process.env.BENCH_DURATION_S ?? 300);
const everyS = Number(process.env.BENCH_RESTART_EVERY_S ?? 30);
const writers = Number(process.env.BENCH_WRITERS ?? 8);
const port = Number(process.env.FAULT_PG_PORT ?? 55470);

const server = await startThrowawayPostgres(port);
const stack = await startTestStack({ backend: 'postgres', databaseUrl: server.url });
try {
  const load = startRestartLoad(stack.serviceClient(), 'bench-pgr', writers);
  const started = Date.now();
  let restarts = 0;
  while (Date.now() - started < durationS * 1000) {
    await new Promise((r) => setTimeout(r, everyS * 1000));
    await server.restart();
    load.restarted();
    restarts++;
  }
  await load.stop();
  const { tally } = load;
  const { rows } = await stack.db.query<{ events: number; calls: number; distinct_calls: number }>(
    `select (select count(*)::int from public.telephony_events where event_id like 'bench-pgr-%') as events,
            (select count(*)::int from public.calls where external_id like 'bench-pgr-call-%') as calls,
            (select count(distinct external_id)::int from public.calls where external_id like 'bench-pgr-call-%') as distinct_calls`,
  );
  const acknowledged = new Set(tally.acknowledged).size;
  const failed = [...tally.failures.values()].reduce((a, b) => a + b, 0);
  const sorted = [...tally.recoveryMs].sort((a, b) => a - b);
  console.log(JSON.stringify({
    injected: `${restarts} × pg_ctl restart -m fast, every ${everyS} s, ${writers} writers, ${durationS} s`,
    requests: tally.requests,
    acknowledgedEvents: acknowledged,
    failedAnswers: failed,
    failuresBy: Object.fromEntries(tally.failures),
    retriedThenAcknowledged: tally.retriedThenAcknowledged,
    rows: rows[0],
    appliedTwice: rows[0].calls - rows[0].distinct_calls + (rows[0].events - acknowledged),
    recoveryMs: { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) },
  }, null, 2));
} finally {
  await stack.close();
  await server.remove();
}
