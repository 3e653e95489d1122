/**
 * Load for the Postgres-restart fault: writers send telephony events through /rest/v1 as a PBX
 * relay does (one event id per event, the same event sent again after a 5xx or a lost answer), while
 * the caller restarts the database. Counts every answer by status and code, so the test and the
 * bench can check that failures were all "retry later" and that nothing was applied twice.
 */
import type { SupabaseClient } from '@supabase/supabase-js';

export interface RestartLoadTally {
  /** Requests sent, retries included. */
  requests: number;
  /** Events acknowledged (2xx), each once however often it was sent. */
  acknowledged: string[];
  /** Failed answers by `status code`, e.g. "503 PGRST000". */
  failures: Map<string, number>;
  /** Events whose first answers failed and a resend succeeded. */
  retriedThenAcknowledged: number;
  /** Milliseconds from a restart's end to the first acknowledged request after it. */
  recoveryMs: number[];
}

export interface RestartLoad {
  tally: RestartLoadTally;
  /** Call when a restart has finished: the next success measures the recovery time. */
  restarted(): void;
  /** Stops after each writer's event in flight is acknowledged. */
  stop(): Promise<void>;
}

const RETRY_PAUSE_MS = 50;

export function startRestartLoad(api: SupabaseClient, prefix: string, writers: number): RestartLoad {
  const tally: RestartLoadTally = { requests: 0, acknowledged: [], failures: new Map(), retriedThenAcknowledged: 0, recoveryMs: [] };
  let stopping = false;
  let restartedAt: number | undefined;

  async function send(eventId: string, callId: string, phone: string): Promise<void> {
    // A resend is the same event, its time included: the database refuses an event id reused for
    // different content (event_id_reused), which a kill after commit but before the answer exposes.
    const at = new Date().toISOString();
    for (let attempt = 0; ; attempt++) {
      tally.requests++;
      const { error, status } = await api.rpc('record_telephony_event', {
        p_event_id: eventId,
        p_type: 'ringing',
        p_call_id: callId,
        p_at: at,
        p_caller_phone: phone,
      });
      if (!error) {
        tally.acknowledged.push(eventId);
        if (attempt > 0) tally.retriedThenAcknowledged++;
        if (restartedAt !== undefined) {
          tally.recoveryMs.push(Date.now() - restartedAt);
          restartedAt = undefined;
        }
        return;
      }
      const key = `${status} ${error.code ?? ''}`.trim();
      tally.failures.set(key, (tally.failures.get(key) ?? 0) + 1);
      // Only "retry later" and "no answer" (status 0: the stack went away mid-request) are resent,
      // as the relay and the offline queue do; anything else is a bug here.
      if (status !== 0 && status < 500) throw new Error(`event ${eventId} refused for good: ${key} ${error.message}`);
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
    }
  }

  const running = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stopping; i++) {
      await send(`${prefix}-${w}-${i}`, `${prefix}-call-${w}-${i}`, `0813${String(w).padStart(2, '0')}${String(i).padStart(6, '0')}`);
    }
  });

  return {
    tally,
    restarted: () => {
      restartedAt = Date.now();
    },
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
