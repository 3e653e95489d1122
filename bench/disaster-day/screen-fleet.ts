/**
 * The parent side of the screens: signs each screen account in once, spreads the screens over a few
 * child processes (screens-child.ts), waits until every view is live, and at the end collects the
 * commit → screen latencies and each screen's comparison with a fresh read.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../lib/supabase/database.types';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-users';
import { appendAll, type ScreenKind, type ScreenSpec, type ViewComparison } from './screens';

export type ParentMessage =
  | { type: 'start'; url: string; anonKey: string; screens: ScreenSpec[]; readyTimeoutMs: number }
  | { type: 'report'; maxWaitMs: number }
  | { type: 'stop' };

export interface ChildReport {
  latencies: Record<string, number[]>;
  pendingAtEnd: number;
  notLive: number;
  comparisons: Array<ViewComparison & { kind: ScreenKind }>;
}

type ChildMessage = { type: 'ready' } | { type: 'report'; report: ChildReport } | { type: 'failed'; message: string };

export interface ScreenMix {
  wall: number;
  dispatch: number;
  opd: number;
  stats: number;
}

/** 300 screens: wall displays, dispatch boards, OPD inboxes spread over the agencies, statistics. */
export const DISASTER_DAY_SCREENS: ScreenMix = { wall: 120, dispatch: 60, opd: 60, stats: 60 };

export function scaledMix(total: number): ScreenMix {
  const all = DISASTER_DAY_SCREENS.wall + DISASTER_DAY_SCREENS.dispatch + DISASTER_DAY_SCREENS.opd + DISASTER_DAY_SCREENS.stats;
  const part = (n: number) => Math.max(1, Math.round((n * total) / all));
  return { wall: part(DISASTER_DAY_SCREENS.wall), dispatch: part(DISASTER_DAY_SCREENS.dispatch), opd: part(DISASTER_DAY_SCREENS.opd), stats: part(DISASTER_DAY_SCREENS.stats) };
}

interface Account {
  token: string;
  agencyId: string | null;
}

/** The demo accounts the screens use: the wall PC's, leadership's, the supervisors', each agency's liaison. */
async function signIn(url: string, anonKey: string, email: string): Promise<Account> {
  const client = createClient<Database>(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
  const { data, error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error || !data.session) throw new Error(`screen account ${email}: ${error?.message ?? 'no session'}`);
  const profile = await client.from('profiles').select('agency_id').eq('id', data.session.user.id).single();
  if (profile.error) throw new Error(`screen account ${email}: ${profile.error.message}`);
  return { token: data.session.access_token, agencyId: profile.data.agency_id };
}

export async function screenSpecs(url: string, anonKey: string, mix: ScreenMix): Promise<ScreenSpec[]> {
  const email = (pred: (u: (typeof DEMO_USERS)[number]) => boolean) => DEMO_USERS.filter(pred).map((u) => u.email);
  const [wall] = email((u) => u.wallDisplay === true);
  const [leadership] = email((u) => u.role === 'leadership' && !u.wallDisplay);
  // Only the accounts the mix needs: each sign-in counts against the stack's sign-in limits.
  const supervisors = email((u) => u.role === 'supervisor').slice(0, mix.dispatch);
  const liaisons = email((u) => u.role === 'opd').slice(0, mix.opd);
  const needed = [...(mix.wall ? [wall] : []), ...(mix.stats ? [leadership] : []), ...supervisors, ...liaisons];
  const accounts = new Map<string, Account>();
  for (const e of needed) accounts.set(e, await signIn(url, anonKey, e));
  const spec = (kind: ScreenKind, e: string): ScreenSpec => {
    const a = accounts.get(e)!;
    return { kind, token: a.token, ...(kind === 'opd' && a.agencyId ? { agencyId: a.agencyId } : {}) };
  };
  const times = (n: number, f: (i: number) => ScreenSpec) => Array.from({ length: n }, (_, i) => f(i));
  return [
    ...times(mix.wall, () => spec('wall', wall)),
    ...times(mix.dispatch, (i) => spec('dispatch', supervisors[i % supervisors.length])),
    ...times(mix.opd, (i) => spec('opd', liaisons[i % liaisons.length])),
    ...times(mix.stats, () => spec('stats', leadership)),
  ];
}

export interface FleetReport {
  screens: number;
  processes: number;
  /** Per view name: commit → screen latency samples (ms). */
  latencies: Record<string, number[]>;
  pendingAtEnd: number;
  notLive: number;
  viewsCompared: number;
  viewsEqual: number;
  differences: Array<{ kind: ScreenKind; view: string; differences: string[] }>;
}

export interface ScreenFleet {
  pids: number[];
  report(maxWaitMs: number): Promise<FleetReport>;
  stop(): Promise<void>;
}

/** The child's next message that `accept` takes (a failure or exit rejects). */
function waitFor<T>(child: ChildProcess, what: string, accept: (m: ChildMessage) => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`screen process ${child.pid}: no ${what} within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'failed') return finish(() => reject(new Error(`screen process ${child.pid}: ${m.message}`)));
      const value = accept(m);
      if (value !== undefined) finish(() => resolve(value));
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`screen process ${child.pid} exited (${code})`)));
    function finish(settle: () => void) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

const ready = (m: ChildMessage) => (m.type === 'ready' ? true : undefined);
const reportOf = (m: ChildMessage) => (m.type === 'report' ? m.report : undefined);

export async function startScreenFleet(opts: { url: string; anonKey: string; screens: ScreenSpec[]; processes: number; readyTimeoutMs?: number }): Promise<ScreenFleet> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  const children = Array.from({ length: opts.processes }, () =>
    fork(path.join(import.meta.dirname, 'screens-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const share = (i: number) => opts.screens.filter((_, j) => j % opts.processes === i);
  try {
    await Promise.all(
      children.map((child, i) => {
        const isReady = waitFor(child, 'ready', ready, readyTimeoutMs + 30_000);
        const message: ParentMessage = { type: 'start', url: opts.url, anonKey: opts.anonKey, screens: share(i), readyTimeoutMs };
        child.send(message);
        return isReady;
      }),
    );
  } catch (err) {
    for (const c of children) c.kill();
    throw err;
  }
  return {
    pids: children.flatMap((c) => (c.pid ? [c.pid] : [])),
    async report(maxWaitMs) {
      const reports = await Promise.all(
        children.map((child) => {
          const got = waitFor(child, 'report', reportOf, maxWaitMs + 120_000);
          const message: ParentMessage = { type: 'report', maxWaitMs };
          child.send(message);
          return got;
        }),
      );
      const latencies: Record<string, number[]> = {};
      for (const report of reports) for (const [view, samples] of Object.entries(report.latencies)) appendAll((latencies[view] ??= []), samples);
      const comparisons = reports.flatMap((r) => r.comparisons);
      return {
        screens: opts.screens.length,
        processes: children.length,
        latencies,
        pendingAtEnd: reports.reduce((n, r) => n + r.pendingAtEnd, 0),
        notLive: reports.reduce((n, r) => n + r.notLive, 0),
        viewsCompared: comparisons.length,
        viewsEqual: comparisons.filter((c) => c.equal).length,
        differences: comparisons.filter((c) => !c.equal).slice(0, 10).map((c) => ({ kind: c.kind, view: c.view, differences: c.differences })),
      };
    },
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              const message: ParentMessage = { type: 'stop' };
              child.send(message);
            }),
        ),
      );
    },
  };
}
