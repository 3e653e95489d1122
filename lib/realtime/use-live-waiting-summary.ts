'use client';
/**
 * The waiting-calls figures (public.waiting_calls_summary: ringing count, oldest ringing time,
 * abandoned since WIB midnight) for the dispatch board: read every `intervalMs`, and early whenever
 * `kick` changes (the board passes its live ringing calls, so an abandonment shows within a second),
 * because "today" rolls over at midnight without any change. The wall reads the same figures through
 * its Broadcast feed (wall-feed.ts).
 */
import { useCallback } from 'react';
import type { Db } from '@/lib/data/db';
import { fetchWaitingSummary } from '@/lib/data/waiting-calls';
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import { useLiveWallPoll, type Polled } from './use-live-wall-poll';

export function useLiveWaitingSummary(client: Db, intervalMs: number, kick: unknown = null): Polled<WaitingSummary> {
  const load = useCallback(() => fetchWaitingSummary(client), [client]);
  return useLiveWallPoll(load, intervalMs, kick);
}
