/**
 * Long variant of tests/conformance/stack-kill.test.ts (#19): the stack as a process of its own,
 * SIGKILLed every BENCH_KILL_EVERY_S seconds for BENCH_DURATION_S seconds while operators, a
 * supervisor and an OPD liaison run the workflow (the liaison's steps through the outbox) and a PBX
 * relay sends telephony events, then started again on the same data each time. Prints per backend:
 * kills, requests, failed answers by kind, steps resent then acknowledged, restart time (kill → the
 * stack serves again) and the all-or-nothing audit check (must list no problem), events applied twice.
 *
 *   npx tsx bench/stack-kill.ts                                      # 300 s, a kill every 30 s, PGlite
 *   BENCH_BACKEND=postgres TEST_DATABASE_URL=postgres://... npx tsx bench/stack-kill.ts
 *   BENCH_DURATION_S=60 BENCH_KILL_EVERY_S=20 npx tsx bench/stack-kill.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAudit, readAll } from '../tests/support/audit-consistency.ts';
import { prepareCenter, startCenterLoad } from '../tests/support/center-load.ts';
import { startRestartLoad } from '../tests/support/restart-load.ts';
import { freePort, killHard, ready, spawnStack, type StackProcess } from '../tests/support/stack-process.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const durationS = Number(process.env.BENCH_DURATION_S ?? 300);
const everyS = Number(process.env.BENCH_KILL_EVERY_S ?? 30);
const operators = Number(process.env.BENCH_OPERATORS ?? 3);
const backend = process.env.BENCH_BACKEND === 'postgres' ? 'postgres' : 'pglite';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cilegon-bench-kill-'));
const database = backend === 'postgres' ? await createTestDatabase() : undefined;
const where = database ? { databaseUrl: database.url } : { dataDir: path.join(dir, 'pglite') };
const port = await freePort();
let stack: StackProcess | undefined;

async function start(): Promise<StackProcess> {
  const s = spawnStack({ port, ...where });
  await ready(s);
  return s;
}

try {
  stack = await start();
  const center = await prepareCenter(stack.url, operators);
  const workflow = startCenterLoad(center, 'bench-kill');
  const telephony = startRestartLoad(center.service, 'bench-kill-pbx', 2);
  const started = Date.now();
  const restartMs: number[] = [];
  let kills = 0;
  while (Date.now() - started < durationS * 1000) {
    await new Promise((r) => setTimeout(r, everyS * 1000));
    await killHard(stack);
    kills++;
    const killedAt = Date.now();
    stack = await start();
    restartMs.push(Date.now() - killedAt);
    telephony.restarted();
  }
  await Promise.all([workflow.stop(), telephony.stop()]);
  const audit = await checkAudit(center.service, workflow.tally.acknowledged);
  const events = await readAll('telephony events', (from, to) =>
    center.service.from('telephony_events').select('event_id').like('event_id', 'bench-kill-pbx-%').order('event_id').range(from, to),
  );
  const calls = await readAll('telephony calls', (from, to) =>
    center.service.from('calls').select('external_id').like('external_id', 'bench-kill-pbx-call-%').order('id').range(from, to),
  );
  const acknowledgedEvents = new Set(telephony.tally.acknowledged);
  const storedEvents = new Set(events.map((e) => e.event_id));
  const lostEvents = [...acknowledgedEvents].filter((id) => !storedEvents.has(id)).length;
  const sorted = [...restartMs].sort((a, b) => a - b);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({
    backend,
    injected: `${kills} × SIGKILL of the stack, every ${everyS} s, ${operators} operators + 2 PBX writers, ${durationS} s`,
    workflow: {
      requests: workflow.tally.requests,
      acknowledgedSteps: workflow.tally.acknowledged.length,
      completedIncidents: workflow.tally.completedFlows,
      failedAnswers: sum(workflow.tally.failures) - (workflow.tally.failures.get('outbox waits') ?? 0),
      failuresBy: Object.fromEntries(workflow.tally.failures),
      resentThenAcknowledged: workflow.tally.resentThenAcknowledged,
    },
    telephony: {
      requests: telephony.tally.requests,
      acknowledged: acknowledgedEvents.size,
      failuresBy: Object.fromEntries(telephony.tally.failures),
      resentThenAcknowledged: telephony.tally.retriedThenAcknowledged,
      lost: lostEvents,
      appliedTwice: calls.length - new Set(calls.map((c) => c.external_id)).size,
      unacknowledgedButStored: events.length - acknowledgedEvents.size,
    },
    audit: { calls: audit.calls, incidents: audit.incidents, assignments: audit.assignments, events: audit.events, problems: audit.problems.slice(0, 20) },
    restartMs: { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) },
  }, null, 2));
  stack.child.kill('SIGTERM');
  await stack.exited;
} finally {
  if (stack && stack.child.exitCode === null && stack.child.signalCode === null) stack.child.kill('SIGKILL');
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
}
