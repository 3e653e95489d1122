/**
 * A whole center for one run: prepares the simulation accounts, signs every simulated person in,
 * plays the call plan against the webhook and the workflow functions, prints a progress line every
 * few seconds, lets the work in progress finish (up to the drain timeout) and sums up. Stopping the
 * given signal (Ctrl-C) ends the run early with a summary of what happened so far.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Desk } from '../desk';
import { Metrics } from '../metrics';
import type { SimOptions } from '../options';
import { planCalls, planCounts } from '../plan';
import { SIM_EMAIL_DOMAIN, simAccounts } from '../staff';
import type { SimSummary } from '../summary';
import { prepareAccounts, type PreparedAccount } from './accounts';
import { serviceClient, signedInClient, signOut } from './clients';
import { sleep, type CallRecord, type IncidentRecord, type Person, type SimContext } from './context';
import { playCall } from './operator';

export interface SimResult {
  summary: SimSummary;
  calls: CallRecord[];
  incidents: IncidentRecord[];
}

const PROGRESS_EVERY_MS = 5_000;
/** Pseudo-action: lateness of each ring against the plan (not a request). */
export const RING_LAG = '(ring lag behind plan)';
/** Sign-ins at once: bcrypt work on the auth server, no need to queue 55 of them at one moment. */
const SIGN_IN_CONCURRENCY = 4;

/** `rpc/classify_call` or the table a refused request went to, for the summary's resend count. */
function resentAction(url: string): string {
  const path = new URL(url).pathname.replace(/^\/(rest|auth)\/v1\//, '');
  return `refused ${path}`;
}

async function signInAll(options: SimOptions, accounts: readonly PreparedAccount[], metrics: Metrics): Promise<Person[]> {
  const people: Person[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < accounts.length; i = next++) {
      const a = accounts[i];
      const started = performance.now();
      const client = await signedInClient(options.supabaseUrl, options.anonKey, a.email, a.password, (url) => metrics.resent(resentAction(url)));
      metrics.record('sign in', performance.now() - started);
      people[i] = { userId: a.userId, email: a.email, client, extension: a.extension, agencyId: a.agencyId };
    }
  };
  await Promise.all(Array.from({ length: SIGN_IN_CONCURRENCY }, worker));
  return people;
}

export async function runSimulation(options: SimOptions, log: (line: string) => void, stop?: AbortSignal): Promise<SimResult> {
  const metrics = new Metrics();
  const admin = serviceClient(options.supabaseUrl, options.serviceRoleKey);
  const [agencyRows, postRows, cardRows] = await Promise.all([
    admin.from('agencies').select('id, code, kind, active').order('code'),
    admin.from('agency_posts').select('agency_id, name, lat, lng').eq('active', true),
    admin.from('run_cards').select('category, lead_kinds, support_kinds'),
  ]);
  if (agencyRows.error) throw new Error(`reading agencies failed: ${agencyRows.error.message}`);
  if (postRows.error) throw new Error(`reading agency posts failed: ${postRows.error.message}`);
  if (cardRows.error) throw new Error(`reading run cards failed: ${cardRows.error.message}`);
  const agencies = agencyRows.data.filter((a) => a.active);

  const wanted = simAccounts(options, agencies, cardRows.data);
  const prepared = await prepareAccounts(admin, wanted);
  const people = await signInAll(options, prepared.accounts, metrics);
  const operators = people.filter((_, i) => prepared.accounts[i].role === 'operator');
  const supervisors = people.filter((_, i) => prepared.accounts[i].role === 'supervisor');
  const liaisons = new Map<string, Person[]>();
  for (const p of people) if (p.agencyId) liaisons.set(p.agencyId, [...(liaisons.get(p.agencyId) ?? []), p]);

  const runId = `${options.seed}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const plan = planCalls({ seed: options.seed, rate: options.rate, durationMs: options.duration * 1000, speed: options.speed, runId });
  const abort = new AbortController();
  // Every wait of every simulated person listens to this signal: thousands at a disaster-day rate.
  setMaxListeners(0, abort.signal);
  const stopped = new Promise<null>((resolve) => abort.signal.addEventListener('abort', () => resolve(null), { once: true }));
  const onStop = () => abort.abort();
  stop?.addEventListener('abort', onStop, { once: true });
  const inflight = new Set<Promise<void>>();
  const ctx: SimContext = {
    options,
    metrics,
    plan,
    agencies: agencyRows.data,
    posts: postRows.data,
    runCards: cardRows.data,
    staffed: new Set(liaisons.keys()),
    liaisons,
    operatorDesk: new Desk(operators),
    supervisorDesk: new Desk(supervisors),
    calls: new Map(),
    incidents: new Map(),
    signal: abort.signal,
    stopped,
    nextLiaison: new Map(),
    missingKinds: new Set(),
    spawn(work) {
      const tracked = work.catch((err: unknown) => metrics.error('simulator', err instanceof Error ? err.message : String(err))).finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    },
  };

  const startedAt = new Date();
  const started = Date.now();
  let lastRingAt = started;
  log(
    `simulate: ${plan.length} calls planned over ${options.duration} s (seed ${options.seed}, run ${runId}); ` +
      `${prepared.created} simulation accounts created, ${prepared.updated} reset (sim-…@112.cilegon.test)`,
  );
  const progress = options.quiet ? null : setInterval(() => log(progressLine(ctx, started)), PROGRESS_EVERY_MS);
  try {
    for (const call of plan) {
      if (!(await sleep(started + call.ringsAtMs - Date.now(), abort.signal))) break;
      // How late the call rings against its plan: a busy machine slows the load generator itself.
      metrics.record(RING_LAG, Date.now() - started - call.ringsAtMs);
      lastRingAt = Date.now();
      ctx.spawn(playCall(ctx, call));
    }
    const drainUntil = Date.now() + options.drainTimeout * 1000;
    while (inflight.size > 0 && !abort.signal.aborted) {
      const left = drainUntil - Date.now();
      if (left <= 0) {
        log(`simulate: drain timeout (${options.drainTimeout} s) with ${inflight.size} chains of work still running; stopping them`);
        abort.abort();
        break;
      }
      await Promise.race([Promise.allSettled([...inflight]), sleep(Math.min(left, 1000), abort.signal)]);
    }
    // Stopped (drain timeout or Ctrl-C): each chain ends at its next wait; let them record that.
    abort.abort();
    await Promise.allSettled([...inflight]);
  } finally {
    if (progress) clearInterval(progress);
    stop?.removeEventListener('abort', onStop);
    await Promise.allSettled(people.map((p) => signOut(p.client)));
  }

  const calls = [...ctx.calls.values()].sort((a, b) => a.index - b.index);
  const incidents = [...ctx.incidents.values()];
  const summary = summarise(ctx, calls, incidents, {
    startedAt,
    finishedAt: new Date(),
    accounts: { created: prepared.created, updated: prepared.updated },
    ringSeconds: (lastRingAt - started) / 1000,
  });
  return { summary, calls, incidents };
}

function progressLine(ctx: SimContext, started: number): string {
  const calls = [...ctx.calls.values()];
  const count = (o: CallRecord['outcome']) => calls.filter((c) => c.outcome === o).length;
  const incidents = [...ctx.incidents.values()];
  const closed = incidents.filter((i) => i.outcome === 'closed').length;
  const p95 = ctx.metrics.p95('webhook ringing');
  return (
    `[${Math.round((Date.now() - started) / 1000)} s] calls ${calls.length}/${ctx.plan.length}: ringing ${count('ringing')} ` +
    `(${ctx.operatorDesk.waitingCount} queued), talking ${count('talking')}, ended ${count('ended')}, abandoned ${count('abandoned')} | ` +
    `incidents ${incidents.length} (closed ${closed}) | errors ${ctx.metrics.errorTotal}, conflicts ${ctx.metrics.conflictTotal} | ` +
    `webhook p95 ${Number.isFinite(p95) ? Math.round(p95) : '—'} ms`
  );
}

function summarise(
  ctx: SimContext,
  calls: CallRecord[],
  incidents: IncidentRecord[],
  meta: { startedAt: Date; finishedAt: Date; accounts: { created: number; updated: number }; ringSeconds: number },
): SimSummary {
  const o = ctx.options;
  const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;
  return {
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    wallSeconds: (meta.finishedAt.getTime() - meta.startedAt.getTime()) / 1000,
    offeredRate: calls.length / Math.max(meta.ringSeconds, 1e-3),
    settings: { rate: o.rate, duration: o.duration, speed: o.speed, operators: o.operators, supervisors: o.supervisors, liaisons: o.liaisons, seed: o.seed, appUrl: o.appUrl, supabaseUrl: o.supabaseUrl },
    accounts: {
      ...meta.accounts,
      note: `${meta.accounts.created} simulation accounts created and ${meta.accounts.updated} reset with a new password (sim-…@${SIM_EMAIL_DOMAIN}); demo accounts untouched`,
    },
    plan: { calls: ctx.plan.length, ...planCounts(ctx.plan) },
    calls: {
      rung: calls.length,
      answered: count(calls, (c) => c.operatorId !== null),
      abandoned: count(calls, (c) => c.outcome === 'abandoned'),
      ended: count(calls, (c) => c.outcome === 'ended'),
      failed: count(calls, (c) => c.outcome === 'failed'),
      unfinished: count(calls, (c) => c.outcome === 'unfinished' || c.outcome === 'ringing' || c.outcome === 'talking'),
      notRung: ctx.plan.length - calls.length,
    },
    incidents: {
      reported: incidents.length,
      linkedCalls: count(calls, (c) => c.linked),
      dispatched: count(incidents, (i) => i.agencyIds.length > 0),
      closed: count(incidents, (i) => i.outcome === 'closed'),
      cancelled: count(incidents, (i) => i.outcome === 'cancelled'),
      failed: count(incidents, (i) => i.outcome === 'failed'),
      open: count(incidents, (i) => i.outcome === 'reported' || i.outcome === 'dispatched' || i.outcome === 'resolved'),
    },
    assignments: {
      created: incidents.reduce((n, i) => n + i.agencyIds.length, 0),
      completed: incidents.reduce((n, i) => n + i.completed, 0),
    },
    missingKinds: [...ctx.missingKinds].sort(),
    errors: { total: ctx.metrics.errorTotal, byMessage: ctx.metrics.errors() },
    conflicts: { total: ctx.metrics.conflictTotal, byCode: ctx.metrics.conflicts() },
    resent: { total: ctx.metrics.resentTotal, byAction: ctx.metrics.resends() },
    interrupted: ctx.metrics.interrupted,
    actions: ctx.metrics.actions(),
  };
}
