'use client';
/**
 * React face of the wall feed (wall-feed.ts): the calls in progress, the waiting-calls figures and
 * today's counters, kept current by Broadcast from Database on the private topic wall:live, with the
 * channel's status. `nowMs` must be stable (it reads the database clock when the counters are read).
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Db } from '@/lib/data/db';
import { createWallFeed, wallFeedSources, type WallFeedState } from './wall-feed';

const SERVER_STATE: WallFeedState = {
  calls: { data: undefined, status: 'loading', error: undefined },
  waiting: { data: undefined, status: 'loading', error: undefined },
  counters: { data: undefined, status: 'loading', error: undefined },
  status: 'idle',
  error: undefined,
};

export function useLiveWallFeed(client: Db, nowMs: () => number): WallFeedState {
  const feed = useMemo(() => createWallFeed({ client, sources: wallFeedSources(client, nowMs), nowMs }), [client, nowMs]);
  return useSyncExternalStore(feed.subscribe, feed.getState, () => SERVER_STATE);
}
