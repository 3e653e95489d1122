/**
 * The retention job on the embedded stack: calls public.run_retention() as the service role on a
 * timer, as pg_cron does on hosted Supabase (README, "Data protection"). One run at a time; a failed
 * run is reported and the next tick tries again, because the stack must keep serving calls.
 */
import type { Database } from '../db/database.ts';
import { asCaller } from '../db/request-context.ts';

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface RetentionRun {
  pseudonymised: number;
  held_skipped: number;
  positions_deleted: number;
}

export interface RetentionTimer {
  /** Runs the job now (also what each tick does); resolves to what it changed. */
  runOnce(): Promise<RetentionRun>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startRetentionTimer(
  db: Database,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): RetentionTimer {
  // A missing or nonsensical setting (NaN, below a second) falls back to hourly.
  const intervalMs = opts.intervalMs !== undefined && Number.isFinite(opts.intervalMs) && opts.intervalMs >= 1000
    ? opts.intervalMs : RETENTION_INTERVAL_MS;
  let running: Promise<RetentionRun> | null = null;

  const runOnce = (): Promise<RetentionRun> => {
    running ??= asCaller(db, { role: 'service_role' }, { method: 'POST', path: '/jobs/retention' }, async (tx) => {
      const { rows } = await tx.query<{ run: RetentionRun }>('select public.run_retention() as run');
      return rows[0].run;
    }).finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    runOnce().catch((err: unknown) => opts.onError?.(err));
  }, intervalMs);
  // The timer alone must not keep a finished process (tests, scripts) alive.
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
