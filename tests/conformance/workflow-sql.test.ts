/**
 * Conformance of the TypeScript workflow rules with the SQL functions: builds calls, incidents and
 * assignments in every state on PGlite (migrations + the pgTAP test helpers), then tries every step
 * as every role and compares the database's answer ('ok' or its refusal code) with what
 * `workflow.ts` predicts from the same rows. Each attempt is rolled back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database';
import { migrate } from '../../supabase/local/db/migrate';
import { openPglite } from '../../supabase/local/db/pglite-database';
import {
  checkAssignmentAction,
  checkCallAction,
  checkIncidentAction,
  INCIDENT_STATUSES,
  type AppRole,
  type AssignmentAction,
  type AssignmentStatus,
  type CallAction,
  type CallType,
  type IncidentAction,
  type IncidentStatus,
} from '../../lib/domain/workflow';

const root = path.resolve(import.meta.dirname, '../..');
const helpersFile = path.join(root, 'supabase/tests/database/helpers/test-helpers.psql');

/** Test users of tests.build_world() and their roles. */
const USERS: Record<string, AppRole> = {
  operator: 'operator',
  spare: 'operator',
  supervisor: 'supervisor',
  opd_own: 'opd',
  opd_other: 'opd',
  leadership: 'leadership',
  admin: 'admin',
};

const INCIDENT_STATES = INCIDENT_STATUSES;
const ASSIGNMENT_FIXTURES = ['reported', 'dispatched', 'acknowledged', 'en_route', 'on_scene', 'resolved', 'closed', 'cancelled', 'withdrawn'];
const CALL_FIXTURES = ['k_ringing', 'k_unclaimed', 'k_answered', 'k_emergency', 'k_prank', 'k_reported', 'k_ended'];

/** SQL expression running `sql` for real as a test user (tests.run_as), returning its row as jsonb. */
const runAs = (user: string, sql: string) => `tests.run_as(tests.id('${user}'), '${sql.replace(/'/g, "''")}')`;
const sup = (sql: string) => `select ${runAs('supervisor', sql)};`;
const opd = (sql: string) => `select ${runAs('opd_own', sql)};`;
const op = (sql: string) => `select ${runAs('operator', sql)};`;

/** SQL that brings incident s_<name> and its AGA assignment x_<name> to the named state. */
function incidentFixture(name: string): string {
  const s = `s_${name}`;
  const x = `x_${name}`;
  const steps: Record<string, string[]> = {
    dispatch: [
      sup(`select * from public.dispatch_incident({${s}}, array[{aga}]::uuid[], tests.iv('${s}'))`),
      `select tests.name_assignment('${x}', '${s}', 'aga');`,
    ],
    ack: [opd(`select * from public.acknowledge_assignment({${x}}, tests.av('${x}'))`)],
    en_route: [opd(`select * from public.mark_en_route({${x}}, tests.av('${x}'))`)],
    on_scene: [opd(`select * from public.mark_on_scene({${x}}, tests.av('${x}'))`)],
    complete: [opd(`select * from public.complete_assignment({${x}}, 'laporan', tests.av('${x}'))`)],
    decline: [opd(`select * from public.decline_assignment({${x}}, 'alasan', tests.av('${x}'))`)],
    close: [sup(`select * from public.close_incident({${s}}, 'ringkasan', tests.iv('${s}'))`)],
    cancel: [sup(`select * from public.cancel_incident({${s}}, 'alasan', tests.iv('${s}'))`)],
    replace: [sup(`select * from public.replace_agency({${x}}, {agb}, 'alasan', tests.iv('${s}'))`)],
  };
  const chains: Record<string, string[]> = {
    reported: ['dispatch', 'decline'],
    dispatched: ['dispatch'],
    acknowledged: ['dispatch', 'ack'],
    en_route: ['dispatch', 'ack', 'en_route'],
    on_scene: ['dispatch', 'ack', 'on_scene'],
    resolved: ['dispatch', 'ack', 'on_scene', 'complete'],
    closed: ['dispatch', 'ack', 'on_scene', 'complete', 'close'],
    cancelled: ['dispatch', 'cancel'],
    withdrawn: ['dispatch', 'replace'],
  };
  return [`select tests.new_incident('${s}');`, ...chains[name].flatMap((step) => steps[step])].join('\n');
}

const CALL_FIXTURE_SQL = `
insert into tests.world select 'k_ringing', (${runAs('operator', 'select * from public.start_call(gen_random_uuid())')} ->> 'id')::uuid;
insert into tests.world select 'k_unclaimed', (tests.run_as(null, 'select * from public.start_call(gen_random_uuid(), null, null, ''telephony'', ''pbx-9'')') ->> 'id')::uuid;
${['k_answered', 'k_emergency', 'k_prank', 'k_reported', 'k_ended']
  .map((k) => `insert into tests.world select '${k}', (${runAs('operator', 'select * from public.start_call(gen_random_uuid())')} ->> 'id')::uuid;`)
  .join('\n')}
${['k_answered', 'k_emergency', 'k_prank', 'k_reported', 'k_ended']
  .map((k) => op(`select * from public.answer_call({${k}}, tests.cv('${k}'))`))
  .join('\n')}
${op(`select * from public.classify_call({k_emergency}, 'emergency', tests.cv('k_emergency'))`)}
${op(`select * from public.classify_call({k_reported}, 'emergency', tests.cv('k_reported'))`)}
${op(`select * from public.classify_call({k_prank}, 'prank', tests.cv('k_prank'))`)}
${op(`select * from public.classify_call({k_ended}, 'prank', tests.cv('k_ended'))`)}
${op(`select * from public.report_incident({k_reported}, 'fire', 'x', -6.0, 106.03)`)}
${op(`select * from public.end_call({k_ended}, tests.cv('k_ended'))`)}
`;

let db: Database;

interface PgError {
  code?: string;
  message?: string;
}

/** Runs one statement as a test user and rolls it back: 'ok' or the refusal code. */
async function attempt(user: string, sql: string): Promise<string> {
  const rollback = new Error('rollback');
  let outcome = '';
  try {
    await db.transaction(async (tx) => {
      await tx.query('select tests.authenticate_as(tests.id($1))', [user]);
      try {
        await tx.query(sql);
        outcome = 'ok';
      } catch (err) {
        const e = err as PgError;
        outcome = e.code === 'P0001' ? String(e.message) : `error:${e.code}`;
      }
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return outcome;
}

async function one<Row>(sql: string, params: unknown[] = []): Promise<Row> {
  const { rows } = await db.query<Row>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row from ${sql}`);
  return rows[0];
}

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db, path.join(root, 'supabase/migrations'));
  await db.exec(readFileSync(helpersFile, 'utf8'));
  await db.exec('select tests.build_world();');
  for (const name of ASSIGNMENT_FIXTURES) await db.exec(incidentFixture(name));
  await db.exec(CALL_FIXTURE_SQL);
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe('workflow rules agree with the SQL functions', () => {
  it('fixtures reached the intended states', async () => {
    for (const state of INCIDENT_STATES) {
      const row = await one<{ status: string }>(`select status::text from public.incidents where id = tests.id($1)`, [`s_${state}`]);
      expect(row.status, `s_${state}`).toBe(state);
    }
    const withdrawn = await one<{ status: string }>(`select status::text from public.assignments where id = tests.id('x_withdrawn')`);
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('incident steps: every role × state', async () => {
    const actions: Array<{ action: IncidentAction; force?: boolean; sql: (s: string, x: string) => string }> = [
      { action: 'dispatch_incident', sql: (s) => `select public.dispatch_incident(tests.id('${s}'), array[tests.id('agc')], tests.iv('${s}'))` },
      { action: 'add_agency', sql: (s) => `select public.add_agency(tests.id('${s}'), tests.id('agc'), tests.iv('${s}'))` },
      { action: 'replace_agency', sql: (s, x) => `select public.replace_agency(tests.id('${x}'), tests.id('agc'), 'alasan', tests.iv('${s}'))` },
      { action: 'cancel_incident', sql: (s) => `select public.cancel_incident(tests.id('${s}'), 'alasan', tests.iv('${s}'))` },
      { action: 'close_incident', sql: (s) => `select public.close_incident(tests.id('${s}'), 'ringkasan', tests.iv('${s}'))` },
      { action: 'close_incident', force: true, sql: (s) => `select public.close_incident(tests.id('${s}'), 'ringkasan', tests.iv('${s}'), true)` },
      { action: 'escalate_assignment', sql: (_s, x) => `select public.escalate_assignment(tests.id('${x}'), null)` },
    ];
    const mismatches: string[] = [];
    let cases = 0;
    for (const state of INCIDENT_STATES) {
      const s = `s_${state}`;
      const x = `x_${state}`;
      const row = await one<{ status: IncidentStatus; assignment_status: AssignmentStatus }>(
        `select i.status, a.status as assignment_status from public.incidents i, public.assignments a
         where i.id = tests.id($1) and a.id = tests.id($2)`,
        [s, x],
      );
      for (const { action, force, sql } of actions) {
        for (const user of ['operator', 'supervisor', 'opd_own', 'leadership', 'admin']) {
          const predicted =
            checkIncidentAction(action, USERS[user], { status: row.status, assignmentStatus: row.assignment_status, force }) ?? 'ok';
          const actual = await attempt(user, sql(s, x));
          cases++;
          if (actual !== predicted) mismatches.push(`${action}${force ? '(force)' : ''} as ${user} on ${state}: sql ${actual}, ts ${predicted}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(7 * 7 * 5);
  });

  it('assignment steps: every role and agency × assignment state', async () => {
    const actions: Array<{ action: AssignmentAction; sql: (x: string) => string }> = [
      { action: 'acknowledge_assignment', sql: (x) => `select public.acknowledge_assignment(tests.id('${x}'), tests.av('${x}'))` },
      { action: 'mark_en_route', sql: (x) => `select public.mark_en_route(tests.id('${x}'), tests.av('${x}'))` },
      { action: 'mark_on_scene', sql: (x) => `select public.mark_on_scene(tests.id('${x}'), tests.av('${x}'))` },
      { action: 'complete_assignment', sql: (x) => `select public.complete_assignment(tests.id('${x}'), 'laporan', tests.av('${x}'))` },
      { action: 'decline_assignment', sql: (x) => `select public.decline_assignment(tests.id('${x}'), 'alasan', tests.av('${x}'))` },
    ];
    const mismatches: string[] = [];
    let cases = 0;
    for (const fixture of ASSIGNMENT_FIXTURES) {
      const x = `x_${fixture}`;
      const row = await one<{ status: AssignmentStatus; incident_status: IncidentStatus }>(
        `select a.status, i.status as incident_status from public.assignments a join public.incidents i on i.id = a.incident_id
         where a.id = tests.id($1)`,
        [x],
      );
      for (const { action, sql } of actions) {
        for (const user of Object.keys(USERS).filter((u) => u !== 'spare')) {
          // Every fixture assignment belongs to AGA, the agency of opd_own.
          const predicted =
            checkAssignmentAction(action, USERS[user], { status: row.status, incidentStatus: row.incident_status, ownAgency: user === 'opd_own' }) ??
            'ok';
          const actual = await attempt(user, sql(x));
          cases++;
          if (actual !== predicted) mismatches.push(`${action} as ${user} on ${fixture} (${row.status}): sql ${actual}, ts ${predicted}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(9 * 5 * 6);
  });

  it('call steps: every role × call state', async () => {
    const target = 's_dispatched';
    const actions: Array<{ action: CallAction; sql: (k: string) => string }> = [
      { action: 'start_call', sql: () => `select public.start_call(gen_random_uuid())` },
      { action: 'answer_call', sql: (k) => `select public.answer_call(tests.id('${k}'), tests.cv('${k}'))` },
      { action: 'classify_call', sql: (k) => `select public.classify_call(tests.id('${k}'), 'info', tests.cv('${k}'))` },
      { action: 'end_call', sql: (k) => `select public.end_call(tests.id('${k}'), tests.cv('${k}'))` },
      { action: 'report_incident', sql: (k) => `select public.report_incident(tests.id('${k}'), 'fire', 'x', -6.0, 106.03)` },
      { action: 'link_call_to_incident', sql: (k) => `select public.link_call_to_incident(tests.id('${k}'), tests.id('${target}'))` },
    ];
    const targetRow = await one<{ id: string; status: IncidentStatus }>(
      `select id, status from public.incidents where id = tests.id($1)`,
      [target],
    );
    const mismatches: string[] = [];
    let cases = 0;
    for (const k of CALL_FIXTURES) {
      const call = await one<{
        answered: boolean;
        call_type: CallType | null;
        ended: boolean;
        incident_id: string | null;
        operator_id: string | null;
      }>(
        `select answered_at is not null as answered, call_type, ended_at is not null as ended, incident_id, operator_id
         from public.calls where id = tests.id($1)`,
        [k],
      );
      for (const { action, sql } of actions) {
        for (const user of Object.keys(USERS)) {
          const { id: userId } = await one<{ id: string }>(`select tests.id($1) as id`, [user]);
          const predicted =
            checkCallAction(
              action,
              {
                answered: call.answered,
                callType: call.call_type,
                ended: call.ended,
                hasIncident: call.incident_id !== null,
                operatorId: call.operator_id,
              },
              { role: USERS[user], userId, target: { status: targetRow.status, alreadyLinked: call.incident_id === targetRow.id } },
            ) ?? 'ok';
          const actual = await attempt(user, sql(k));
          cases++;
          if (actual !== predicted) mismatches.push(`${action} as ${user} on ${k}: sql ${actual}, ts ${predicted}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(7 * 6 * 7);
  });
});
