'use client';
/**
 * Today's counters for the wall (calls by type, emergencies, share within SLA), from the statistics
 * functions: read every 15 s, and early whenever `kick` changes (the wall passes the version sum
 * of the open incidents, so a report, dispatch or closure updates the counters within a second).
 * The WIB day is taken from the database clock at each read, so the counters roll over at midnight.
 */
import { useCallback } from 'react';
import type { Db } from '@/lib/data/db';
import { fetchTodayCounters } from '@/lib/data/wall';
import { wibDayRange, type TodayCounters } from '@/lib/domain/wall';
import { useLiveWallPoll, type Polled } from './use-live-wall-poll';

export const WALL_COUNTERS_POLL_MS = 15_000;

export function useLiveWallCounters(client: Db, nowMs: () => number, kick: unknown): Polled<TodayCounters> {
  const load = useCallback(() => fetchTodayCounters(client, wibDayRange(nowMs())), [client, nowMs]);
  return useLiveWallPoll(load, WALL_COUNTERS_POLL_MS, kick);
}
