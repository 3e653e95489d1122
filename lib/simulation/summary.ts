/**
 * The run's summary: what was planned and what happened to every call and incident, the errors and
 * the expected conflicts, and p50/p95 of each action's latency; as a table for people (markdown, so
 * it pastes into bench/) and as JSON for tools and the smoke test.
 */
import type { ActionStats } from './metrics';
import type { planCounts } from './plan';

export interface SimSummary {
  startedAt: string;
  finishedAt: string;
  /** Seconds from the first ring to the end of the drain. */
  wallSeconds: number;
  /** Calls rung per second from the start to the last ring: below --rate when the generator lagged. */
  offeredRate: number;
  settings: { rate: number; duration: number; speed: number; operators: number; supervisors: number; liaisons: number; seed: number; appUrl: string; supabaseUrl: string };
  accounts: { created: number; updated: number; note: string };
  plan: ReturnType<typeof planCounts> & { calls: number };
  /** `unfinished`: rung but not ended when the run stopped; `notRung`: planned calls after the stop. */
  calls: Record<'rung' | 'answered' | 'abandoned' | 'ended' | 'failed' | 'unfinished' | 'notRung', number>;
  incidents: Record<'reported' | 'linkedCalls' | 'dispatched' | 'closed' | 'cancelled' | 'failed' | 'open', number>;
  assignments: { created: number; completed: number };
  missingKinds: string[];
  errors: { total: number; byMessage: Record<string, number> };
  conflicts: { total: number; byCode: Record<string, number> };
  /** Requests sent again: webhook events after a 5xx or no answer, writes the stack refused before applying. */
  resent: { total: number; byAction: Record<string, number> };
  /** Requests that failed because the run was being stopped (not errors). */
  interrupted: number;
  actions: ActionStats[];
}

const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : '—');

export function formatSummary(s: SimSummary): string {
  const lines: string[] = [];
  const st = s.settings;
  lines.push(
    `Simulation ${s.startedAt} → ${s.finishedAt} (${s.wallSeconds.toFixed(0)} s): rate ${st.rate}/s for ${st.duration} s, speed ${st.speed}, ` +
      `${st.operators} operators, ${st.supervisors} supervisors, ${st.liaisons} liaisons, seed ${st.seed}`,
  );
  lines.push(`Accounts: ${s.accounts.note}`);
  lines.push(`Offered rate: ${s.offeredRate.toFixed(2)} calls/s (rung calls over the time to the last ring)`);
  lines.push('');
  lines.push('| | |', '|---|---|');
  lines.push(`| calls planned | ${s.plan.calls} (emergency ${s.plan.emergency}, info ${s.plan.info}, prank ${s.plan.prank}, ghost ${s.plan.ghost}; ${s.plan.abandoning} hang up while ringing, ${s.plan.repeat} repeat callers) |`);
  const c = s.calls;
  lines.push(`| calls | rung ${c.rung}, answered ${c.answered}, abandoned ${c.abandoned}, ended ${c.ended}, failed ${c.failed}, unfinished ${c.unfinished}${c.notRung ? `, not rung (stopped early) ${c.notRung}` : ''} |`);
  const i = s.incidents;
  lines.push(`| incidents | reported ${i.reported} (+${i.linkedCalls} calls linked), dispatched ${i.dispatched}, closed ${i.closed}, cancelled ${i.cancelled}, failed ${i.failed}, still open ${i.open} |`);
  lines.push(`| assignments | created ${s.assignments.created}, completed ${s.assignments.completed} |`);
  lines.push(`| errors | **${s.errors.total}**${Object.entries(s.errors.byMessage).map(([m, n]) => `; ${n}× ${m}`).join('')} |`);
  lines.push(`| conflicts (expected) | ${s.conflicts.total}${Object.entries(s.conflicts.byCode).map(([m, n]) => `; ${n}× ${m}`).join('')} |`);
  if (s.resent.total) lines.push(`| resent (refused unapplied or unanswered) | ${s.resent.total}${Object.entries(s.resent.byAction).map(([m, n]) => `; ${n}× ${m}`).join('')} |`);
  if (s.interrupted) lines.push(`| interrupted by the stop | ${s.interrupted} requests |`);
  if (s.missingKinds.length) lines.push(`| kinds without a simulated liaison | ${s.missingKinds.join(', ')} |`);
  lines.push('');
  lines.push('| action | count | p50 | p95 | p99 | max |', '|---|---:|---:|---:|---:|---:|');
  for (const a of s.actions) lines.push(`| ${a.action} | ${a.count} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(a.p99Ms)} | ${ms(a.maxMs)} |`);
  return lines.join('\n');
}
