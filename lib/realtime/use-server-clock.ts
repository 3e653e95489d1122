'use client';
/**
 * The database clock as this screen estimates it, ticking every second: the offset is measured
 * (public.server_now) on load and again whenever the live connection comes back, so a PC whose clock
 * drifts still shows the right SLA colours. Until the first measurement the local clock is used.
 */
import { useEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';
import type { LiveStatus } from '@/lib/realtime/live-view';
import { readServerNow } from '@/lib/data/server-clock';
import { clockOffsetMs } from '@/lib/domain/clock-offset';

export interface ServerClock {
  nowMs: number;
  offsetMs: number;
  /** Database time of the first measurement, or null before it. */
  measuredAtMs: number | null;
  error: Error | undefined;
}

export function useServerClock(client: SupabaseClient<Database>, liveStatus: LiveStatus): ServerClock {
  const [offsetMs, setOffset] = useState(0);
  const [measuredAtMs, setMeasuredAt] = useState<number | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const [localNow, setLocalNow] = useState(() => Date.now());
  const isLive = liveStatus === 'live';

  useEffect(() => {
    if (!isLive) return;
    let alive = true;
    const sent = Date.now();
    readServerNow(client).then(
      (iso) => {
        if (!alive) return;
        const offset = clockOffsetMs(sent, iso, Date.now());
        setOffset(offset);
        setMeasuredAt((m) => m ?? Date.parse(iso));
        setError(undefined);
      },
      (err: unknown) => alive && setError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      alive = false;
    };
  }, [client, isLive]);

  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  return { nowMs: localNow + offsetMs, offsetMs, measuredAtMs, error };
}
