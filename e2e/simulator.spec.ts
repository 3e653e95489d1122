/**
 * The simulator against the e2e server (issue #16 §4): a short run of `npm run simulate` through the
 * signed webhook and the simulated people's own sessions ends with 0 errors, and the database holds
 * exactly what the run says it did — one call per simulated call, one audit row per step, one
 * incident per reported emergency, the run card's assignments once each, and each closing once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SimResult } from '../lib/simulation/run/center';
import { controlUrl, serviceRoleClient } from './support/stack';
import { E2E_TELEPHONY_SECRET } from './support/telephony-secret';

interface StackInfo {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

function simulate(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], { cwd: path.resolve(import.meta.dirname, '..') });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const countBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};

test('a short simulated shift: 0 errors, and every call, incident and assignment exactly once in the database', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const stack = (await (await fetch(controlUrl('/stack'))).json()) as StackInfo;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-e2e-'));
  const jsonFile = path.join(dir, 'summary.json');
  try {
    // 12 s of calls at 1 call/s, every human delay divided by 120 so incidents close within the run.
    const run = await simulate([
      ...['--app-url', String(baseURL), '--supabase-url', stack.url, '--anon-key', stack.anonKey, '--service-role-key', stack.serviceRoleKey],
      ...['--webhook-secret', E2E_TELEPHONY_SECRET, '--rate', '1', '--duration', '12', '--speed', '120', '--seed', '16'],
      ...['--operators', '3', '--supervisors', '2', '--liaisons', '9', '--conflict-share', '0.5', '--drain-timeout', '40', '--quiet', '--json', jsonFile],
    ]);
    expect(run.code, run.output).toBe(0);
    const result = JSON.parse(readFileSync(jsonFile, 'utf8')) as SimResult;
    const { summary } = result;
    expect(summary.errors.total, JSON.stringify(summary.errors)).toBe(0);
    expect(summary.calls.unfinished).toBe(0);
    expect(summary.calls.notRung).toBe(0);
    expect(summary.calls.rung).toBe(summary.plan.calls);
    expect(summary.incidents.reported).toBeGreaterThan(0);
    expect(summary.incidents.closed).toBe(summary.incidents.reported - summary.incidents.cancelled);

    const db = serviceRoleClient(stack.url);
    const externalIds = result.calls.map((c) => c.externalId);
    const calls = await db.from('calls').select('id, external_id, operator_id, incident_id, call_type, ended_at').in('external_id', externalIds);
    expect(calls.error).toBeNull();
    // Exactly one call row per simulated call.
    expect(calls.data).toHaveLength(externalIds.length);
    const byExternal = new Map(calls.data!.map((c) => [c.external_id, c]));

    const callIds = calls.data!.map((c) => c.id);
    const events = await db.from('incident_events').select('kind, call_id, incident_id').in('call_id', callIds);
    expect(events.error).toBeNull();
    const perCall = countBy(events.data!, (e) => `${e.call_id}:${e.kind}`);
    const n = (callId: string, kind: string) => perCall.get(`${callId}:${kind}`) ?? 0;

    for (const sim of result.calls) {
      const row = byExternal.get(sim.externalId)!;
      expect(row.id).toBe(sim.callId);
      expect(row.ended_at, sim.externalId).not.toBeNull();
      expect(n(row.id, 'call_started')).toBe(1);
      expect(n(row.id, 'call_ended')).toBe(1);
      if (sim.outcome === 'abandoned') {
        expect(row.operator_id).toBeNull();
        expect(n(row.id, 'call_answered')).toBe(0);
        continue;
      }
      expect(sim.outcome).toBe('ended');
      expect(row.operator_id).toBe(sim.operatorId);
      expect(row.call_type).toBe(sim.type);
      expect(n(row.id, 'call_answered')).toBe(1);
      expect(n(row.id, 'line_ended')).toBe(1);
      expect(row.incident_id).toBe(sim.incidentId);
      expect(n(row.id, 'incident_reported')).toBe(sim.incidentId && !sim.linked ? 1 : 0);
      expect(n(row.id, 'call_linked')).toBe(sim.linked ? 1 : 0);
    }

    const incidentIds = result.incidents.map((i) => i.incidentId);
    const reportedHere = events.data!.filter((e) => e.kind === 'incident_reported').map((e) => e.incident_id);
    expect(new Set(reportedHere)).toEqual(new Set(incidentIds));
    const [assignments, incidentEvents] = await Promise.all([
      db.from('assignments').select('id, incident_id, agency_id, status').in('incident_id', incidentIds),
      db.from('incident_events').select('kind, incident_id').in('incident_id', incidentIds).in('kind', ['dispatched', 'closed', 'cancelled']),
    ]);
    expect(assignments.error).toBeNull();
    expect(incidentEvents.error).toBeNull();
    const perIncident = countBy(incidentEvents.data!, (e) => `${e.incident_id}:${e.kind}`);
    for (const sim of result.incidents) {
      const own = assignments.data!.filter((a) => a.incident_id === sim.incidentId);
      // The run card's agencies, each once, all completed; one dispatch even when two supervisors raced.
      expect(own.map((a) => a.agency_id).sort()).toEqual([...sim.agencyIds].sort());
      expect(own.map((a) => a.id).sort()).toEqual([...sim.assignmentIds].sort());
      expect(own.every((a) => a.status === 'completed')).toBe(true);
      expect(perIncident.get(`${sim.incidentId}:dispatched`) ?? 0).toBe(sim.agencyIds.length ? 1 : 0);
      expect(perIncident.get(`${sim.incidentId}:closed`) ?? 0).toBe(sim.outcome === 'closed' ? 1 : 0);
      expect(perIncident.get(`${sim.incidentId}:cancelled`) ?? 0).toBe(sim.outcome === 'cancelled' ? 1 : 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
