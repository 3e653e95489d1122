'use client';
/**
 * Offset of the database clock from this PC's clock, measured on load and again whenever the live
 * connection comes back (a PC that slept may have drifted meanwhile).
 */
import { useEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';
import type { LiveStatus } from '@/lib/realtime/live-view';
import { measureClockOffset } from '@/lib/data/operator-clock';

export function useClockOffset(
  client: SupabaseClient<Database>,
  liveStatus: LiveStatus,
): { offsetMs: number; measured: boolean; error: Error | null } {
  const [state, setState] = useState<{ offsetMs: number; measured: boolean; error: Error | null }>({
    offsetMs: 0,
    measured: false,
    error: null,
  });
  const live = liveStatus === 'live';

  useEffect(() => {
    if (!live) return;
    let alive = true;
    measureClockOffset(client).then(
      (offsetMs) => alive && setState({ offsetMs, measured: true, error: null }),
      // Timers keep the last offset (or the local clock); the screen says the clock is unverified.
      (err: unknown) => alive && setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) })),
    );
    return () => {
      alive = false;
    };
  }, [client, live]);

  return state;
}
