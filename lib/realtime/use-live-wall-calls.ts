'use client';
/**
 * The calls in progress for the wall, polled from public.wall_open_calls (anonymous: stage times
 * and type only). Polled because no table leadership may read changes when a call starts or moves
 * on; see supabase/migrations/20261128001000_wall_support.sql.
 */
import { useCallback } from 'react';
import type { Db } from '@/lib/data/db';
import { fetchWallCalls, type WallCalls } from '@/lib/data/wall';
import { useLiveWallPoll, type Polled } from './use-live-wall-poll';

/** A call's answer target is 60 s; a 3 s poll shows a new call well within the first tenth of it. */
export const WALL_CALLS_POLL_MS = 3000;

export function useLiveWallCalls(client: Db): Polled<WallCalls> {
  const load = useCallback(() => fetchWallCalls(client), [client]);
  return useLiveWallPoll(load, WALL_CALLS_POLL_MS);
}
