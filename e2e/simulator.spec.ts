/**
 * The disaster-day benchmark's smoke (issues #16 §4 and #19): the same code as
 * `npm run bench:disaster-day` (bench/disaster-day/run.ts), short and gentle, against the e2e server.
 * A few screens (wall, dispatch, OPD inboxes, statistics) hold their live views while
 * `npm run simulate` drives calls through the signed webhook and the simulated people's own sessions;
 * then the run has 0 errors, every screen's rows equal a fresh read under its identity, and SQL on
 * the database shows every call, step, incident and assignment exactly once. No timing assertions.
 */
import { expect, test } from '@playwright/test';
import type { ExactlyOnceReport } from '../bench/disaster-day/exactly-once';
import { runDisasterDay } from '../bench/disaster-day/run';
import { scaledMix } from '../bench/disaster-day/screen-fleet';
import { DEMO_USERS } from '../lib/demo-users';
import { controlUrl } from './support/stack';
import { E2E_TELEPHONY_SECRET } from './support/telephony-secret';

interface StackInfo {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

test('a short disaster day: 0 errors, screens equal a fresh read, every call, step, incident and assignment exactly once', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const stack = (await (await fetch(controlUrl('/stack'))).json()) as StackInfo;
  // 30 s of calls at 1 call/s, every human delay divided by 120 so incidents close within the run; the
  // drain is generous so that a loaded machine is slow, not failed.
  const result = await runDisasterDay(
    { appUrl: String(baseURL), supabaseUrl: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, webhookSecret: E2E_TELEPHONY_SECRET },
    {
      steps: [{ rate: 1, durationS: 30 }],
      // Every agency's inbox: the busiest hold more seeded history than PostgREST's 1,000 rows per
      // answer, which the views and the fresh reads both page through (lib/realtime/snapshot-pages.ts).
      screens: { ...scaledMix(8), opd: DEMO_USERS.filter((u) => u.role === 'opd').length },
      screenProcesses: 1,
      simArgs: ['--speed', '120', '--seed', '16', '--operators', '4', '--supervisors', '2', '--liaisons', '9', '--conflict-share', '0.5', '--drain-timeout', '150', '--quiet'],
    },
  );
  const [{ exitCode, sim }] = result.steps;
  const { summary } = sim;
  expect(summary.errors.total, JSON.stringify(summary.errors)).toBe(0);
  expect(exitCode).toBe(0);
  expect(summary.calls.unfinished).toBe(0);
  expect(summary.calls.notRung).toBe(0);
  expect(summary.calls.rung).toBe(summary.plan.calls);
  expect(summary.incidents.reported).toBeGreaterThan(0);
  expect(summary.incidents.closed).toBe(summary.incidents.reported - summary.incidents.cancelled);

  // Every screen stayed live and shows what a fresh read under its identity shows.
  expect(result.screens.notLive).toBe(0);
  expect(result.screens.viewsCompared).toBeGreaterThanOrEqual(8);
  expect(result.screens.differences).toEqual([]);
  expect(result.screens.viewsEqual).toBe(result.screens.viewsCompared);
  // The screens saw the run's changes (the wall and the boards follow every incident).
  expect(result.screens.latency.find((l) => l.view === 'wall incidents')?.count ?? 0).toBeGreaterThan(0);

  const checked = await fetch(controlUrl('/exactly-once'), { method: 'POST', body: JSON.stringify({ calls: sim.calls, incidents: sim.incidents }) });
  expect(checked.status).toBe(200);
  const once = (await checked.json()) as ExactlyOnceReport;
  expect(once.problems).toEqual([]);
  expect(once.ok).toBe(true);
  expect(once.calls).toBe(sim.calls.length);
  expect(once.incidents).toBe(sim.incidents.length);
  expect(once.assignments).toBe(summary.assignments.created);
});
