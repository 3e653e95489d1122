/**
 * A small center at work for the stack-kill fault (#19): signed-in operators, a supervisor and an OPD
 * liaison drive incidents through the workflow with the app's own lib/data calls (idempotency key of
 * the call, expected versions), the liaison's steps going through the phone's outbox
 * (lib/data/opd-outbox.ts). Every write that gets no answer or a server fault is sent again, as the
 * screens do; a refusal is a finding and stops the writer. Acknowledged steps are written down so the
 * test can check each of them after the stack comes back.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport.ts';
import type { Database, Tables } from '../../lib/supabase/database.types.ts';
import type { Db } from '../../lib/data/db.ts';
import { createAccount } from '../../lib/admin/account-flow.ts';
import { reportAndEnd, startAndAnswerCall } from '../../lib/data/operator-calls.ts';
import { flushOutbox } from '../../lib/data/opd-outbox.ts';
import { toWriteResult } from '../../lib/data/write-result.ts';
import { effectiveAssignment, enqueue, type QueueItem } from '../../lib/domain/offline-queue.ts';
import type { AssignmentAction } from '../../lib/domain/workflow.ts';
import type { WriteFailure, WriteResult } from '../../lib/domain/write-failure.ts';

const PASSWORD = 'Rahasia-112-kill';
const RETRY_MS = 100;

export function centerClient(url: string, key = DEMO_ANON_KEY): Db {
  return createClient<Database>(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NodeRealtimeTransport, heartbeatIntervalMs: 1000 },
  });
}

export interface Center {
  service: Db;
  operators: Db[];
  supervisor: Db;
  opd: Db;
  agencyId: string;
}

async function signedIn(url: string, email: string): Promise<Db> {
  const client = centerClient(url);
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw new Error(`signing in ${email} failed: ${error.message}`);
  return client;
}

/** An agency and the accounts of the people at work, made as the admin console makes them. */
export async function prepareCenter(url: string, operators: number): Promise<Center> {
  const service = centerClient(url, DEMO_SERVICE_ROLE_KEY);
  const agency = await service.from('agencies').insert({ code: 'PSC', name: 'PSC 119 Cilegon', kind: 'medical' }).select('id').single();
  if (agency.error) throw new Error(`agency: ${agency.error.message}`);
  const clients = { db: service, auth: service };
  const people: Array<{ email: string; role: 'operator' | 'supervisor' | 'opd' }> = [
    ...Array.from({ length: operators }, (_, i) => ({ email: `operator${i}@kill.test`, role: 'operator' as const })),
    { email: 'supervisor@kill.test', role: 'supervisor' },
    { email: 'opd@kill.test', role: 'opd' },
  ];
  for (const p of people) {
    const made = await createAccount(clients, {
      email: p.email,
      password: PASSWORD,
      fullName: `Uji ${p.email}`,
      role: p.role,
      agencyId: p.role === 'opd' ? agency.data.id : null,
      extension: null,
    });
    if (!made.ok) throw new Error(`account ${p.email}: ${JSON.stringify(made.failure)}`);
  }
  return {
    service,
    operators: await Promise.all(people.filter((p) => p.role === 'operator').map((p) => signedIn(url, p.email))),
    supervisor: await signedIn(url, 'supervisor@kill.test'),
    opd: await signedIn(url, 'opd@kill.test'),
    agencyId: agency.data.id,
  };
}

/** A step the stack answered with 2xx: after the kill, its row must show it and its audit row exist. */
export type AcknowledgedStep =
  | { kind: 'call_answered' | 'incident_reported'; callId: string; key: string }
  | { kind: 'dispatched'; incidentId: string }
  | { kind: AssignmentAction; assignmentId: string };

export interface CenterTally {
  requests: number;
  acknowledged: AcknowledgedStep[];
  /** Failed answers by "status kind", e.g. "0 network", "503 server". */
  failures: Map<string, number>;
  /** Steps that were sent again after a failed answer and then acknowledged. */
  resentThenAcknowledged: number;
  /** Incidents taken from the first call to the completed assignment. */
  completedFlows: number;
}

/** No answer or a server fault: the step may or may not have applied; the screens send it again. */
function isRetryable(failure: WriteFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'server';
}

function failureKey(failure: WriteFailure): string {
  return failure.kind === 'network' ? '0 network' : failure.kind === 'workflow' ? `workflow ${failure.code}` : `${failure.status} ${failure.kind}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const STEPS: AssignmentAction[] = ['acknowledge_assignment', 'mark_en_route', 'mark_on_scene', 'complete_assignment'];

export interface CenterLoad {
  tally: CenterTally;
  /** Stops after each writer's incident in flight is completed. */
  stop(): Promise<void>;
}

export function startCenterLoad(center: Center, prefix: string): CenterLoad {
  const tally: CenterTally = { requests: 0, acknowledged: [], failures: new Map(), resentThenAcknowledged: 0, completedFlows: 0 };
  let stopping = false;

  function countFailure(failure: WriteFailure) {
    const key = failureKey(failure);
    tally.failures.set(key, (tally.failures.get(key) ?? 0) + 1);
  }

  /** Sends `step` until it is acknowledged; anything but "no answer / server fault" is thrown. */
  async function persist<T>(what: string, step: () => Promise<WriteResult<T>>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      tally.requests++;
      const result = await step();
      if (result.ok) {
        if (attempt > 0) tally.resentThenAcknowledged++;
        return result.data;
      }
      countFailure(result.failure);
      if (!isRetryable(result.failure)) throw new Error(`${what} refused: ${JSON.stringify(result.failure)}`);
      await sleep(RETRY_MS);
    }
  }

  /** The dispatch screen decides on the incident as it reads it now, with that version. */
  async function dispatch(incidentId: string): Promise<void> {
    await persist(`dispatch ${incidentId}`, async () => {
      const current = toWriteResult<Pick<Tables<'incidents'>, 'status' | 'version'>>(await center.supervisor.from('incidents').select('status, version').eq('id', incidentId).single());
      if (!current.ok || current.data.status !== 'reported') return current;
      return toWriteResult(
        await center.supervisor.rpc('dispatch_incident', { p_incident_id: incidentId, p_agency_ids: [center.agencyId], p_expected_version: current.data.version }),
      );
    });
    tally.acknowledged.push({ kind: 'dispatched', incidentId });
  }

  /** The liaison takes the four steps at once, as on a phone that went offline; the outbox sends them. */
  async function handleAssignment(incidentId: string): Promise<void> {
    const assignment = await persist(`assignment of ${incidentId}`, () => readAssignment(center, incidentId));
    const phone = opdPhone(center, (item) => {
      tally.acknowledged.push({ kind: item.action, assignmentId: item.assignmentId });
      if (item.attempts > 1) tally.resentThenAcknowledged++;
    });
    phone.take(assignment, STEPS);
    await phone.deliver(() => {
      tally.requests++;
      tally.failures.set('outbox waits', (tally.failures.get('outbox waits') ?? 0) + 1);
    });
  }

  async function flow(operator: Db, w: number, i: number): Promise<void> {
    const key = randomUUID();
    const call = await persist(`call ${prefix}-${w}-${i}`, () => startAndAnswerCall(operator, key));
    tally.acknowledged.push({ kind: 'call_answered', callId: call.id, key });
    const reported = await persist(`report ${call.id}`, () =>
      reportAndEnd(
        operator,
        call.id,
        {
          category: 'medical',
          priority: 'high',
          description: `${prefix} ${w}-${i}: pingsan di jalan`,
          address: 'Jl. Sultan Ageng Tirtayasa',
          kecamatan: null,
          kelurahan: null,
          lat: -6.0,
          lng: 106.0,
        },
        { callerPhone: `0812${String(w).padStart(2, '0')}${String(i).padStart(6, '0')}`, callerName: 'Penelepon uji' },
      ),
    );
    tally.acknowledged.push({ kind: 'incident_reported', callId: call.id, key });
    await dispatch(reported.incident.id);
    await handleAssignment(reported.incident.id);
    tally.completedFlows++;
  }

  const running = center.operators.map(async (operator, w) => {
    for (let i = 0; !stopping; i++) await flow(operator, w, i);
  });

  return {
    tally,
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}

type AssignmentRow = Pick<Tables<'assignments'>, 'id' | 'status' | 'version'>;

/** The agency's assignment of an incident, as the liaison's inbox reads it. */
export async function readAssignment(center: Center, incidentId: string): Promise<WriteResult<AssignmentRow>> {
  return toWriteResult<AssignmentRow>(await center.opd.from('assignments').select('id, status, version').eq('incident_id', incidentId).single());
}

export interface OpdPhone {
  queue(): readonly QueueItem[];
  /** Queues steps of one assignment, each expecting the version the one before leaves. */
  take(assignment: AssignmentRow, actions: readonly AssignmentAction[]): void;
  /** One pass of the outbox, as the phone makes on `online` or its retry timer. */
  flush(): Promise<void>;
  /** Passes until the queue is empty; `waited` is called for each pass that left a step waiting. */
  deliver(waited?: () => void): Promise<void>;
}

/** The liaison's phone: the outbox of lib/domain/offline-queue.ts in memory, sent by flushOutbox. */
export function opdPhone(center: Center, onDone: (item: QueueItem) => void = () => {}): OpdPhone {
  let items: readonly QueueItem[] = [];
  const phone: OpdPhone = {
    queue: () => items,
    take(assignment, actions) {
      for (const action of actions) {
        const expected = effectiveAssignment(items, assignment);
        items = enqueue(items, {
          id: randomUUID(),
          assignmentId: assignment.id,
          action,
          expectedVersion: expected.version,
          text: action === 'complete_assignment' ? 'Korban dibawa ke RSUD Cilegon.' : undefined,
          createdAtMs: Date.now(),
        });
      }
    },
    async flush() {
      await flushOutbox({
        client: center.opd,
        get: () => items,
        set: (next) => {
          // A step leaves the queue only as done: acknowledged, or found applied on a retry.
          for (const gone of items.filter((i) => !next.some((n) => n.id === i.id))) onDone(gone);
          items = next;
        },
        online: () => true,
        describe: (failure) => JSON.stringify(failure),
        messages: () => ({ stale: 'stale_version', invalid: 'invalid_state', notFound: 'assignment_not_found' }),
        remember: () => {},
      });
      const failed = items.find((i) => i.state === 'failed');
      if (failed) throw new Error(`outbox step ${failed.action} failed: ${failed.errorCode} ${failed.errorMessage}`);
    },
    async deliver(waited = () => {}) {
      while (items.length > 0) {
        const before = items.length;
        await phone.flush();
        if (items.length === before) {
          waited();
          await sleep(RETRY_MS);
        }
      }
    },
  };
  return phone;
}

function must<T>(what: string, result: WriteResult<T>): T {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.failure)}`);
  return result.data;
}

/** An incident reported and dispatched to the center's agency, with the stack up; its assignment. */
export async function openAssignment(center: Center): Promise<AssignmentRow> {
  const operator = center.operators[0];
  const call = must('call', await startAndAnswerCall(operator, randomUUID()));
  const { incident } = must(
    'report',
    await reportAndEnd(
      operator,
      call.id,
      { category: 'fire', priority: 'critical', description: 'Kebakaran gudang', address: null, kecamatan: null, kelurahan: null, lat: -6.01, lng: 106.02 },
      { callerPhone: '081299990000', callerName: 'Penelepon uji' },
    ),
  );
  must(
    'dispatch',
    toWriteResult(await center.supervisor.rpc('dispatch_incident', { p_incident_id: incident.id, p_agency_ids: [center.agencyId], p_expected_version: incident.version })),
  );
  return must('assignment', await readAssignment(center, incident.id));
}
