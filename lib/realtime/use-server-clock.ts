'use client';
/**
 * React face of the tab's database clock (server-clock.ts), ticking: `useServerClock` measures the
 * offset when a screen mounts and again whenever its live connection comes back (a PC's clock may
 * have been corrected meanwhile); `useServerNow` only reads the shared estimate, for timers inside a
 * screen that measures. Every timer, age and countdown on a screen counts from one of them, never
 * from the PC's own clock.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Db } from '@/lib/data/db';
import type { LiveStatus } from '@/lib/realtime/live-view';
import { getServerClock, measureServerClock, subscribeServerClock, type ServerClockState } from './server-clock';

export interface ServerClock {
  nowMs: number;
  offsetMs: number;
  /** Database time of the first measurement, or null before it. */
  measuredAtMs: number | null;
  error: Error | undefined;
}

// Rendered on the server, the server's own clock is the database's (no offset).
const serverSnapshot = (): ServerClockState => ({ offsetMs: 0, source: 'none', measuredAtMs: null });

function useServerClockState(): ServerClockState {
  return useSyncExternalStore(subscribeServerClock, getServerClock, serverSnapshot);
}

/** The database clock estimate, re-read every `intervalMs`. */
export function useServerNow(intervalMs = 1000): number {
  const { offsetMs } = useServerClockState();
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return localNow + offsetMs;
}

export function useServerClock(client: Db, liveStatus: LiveStatus): ServerClock {
  const { offsetMs, measuredAtMs } = useServerClockState();
  const nowMs = useServerNow(1000);
  const [error, setError] = useState<Error | undefined>();
  const isLive = liveStatus === 'live';

  // On mount (before the rows arrive), then each time the view is live again after a drop.
  useEffect(() => {
    if (!isLive && getServerClock().source === 'measured') return;
    let alive = true;
    measureServerClock(client).then(
      () => alive && setError(undefined),
      (err: unknown) => alive && setError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      alive = false;
    };
  }, [client, isLive]);

  return { nowMs, offsetMs, measuredAtMs, error };
}
