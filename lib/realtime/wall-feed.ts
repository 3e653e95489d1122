/**
 * The wall's data that leadership may not read row by row — the calls in progress (anonymous),
 * the waiting-calls figures and today's counters — kept current by Broadcast from Database: the
 * private topic `wall:live` says when a call starts, moves on or ends (`call`) and when the counters
 * may have moved (`counters`); each says which reads to make again (see migration
 * 20261205020000_wall_broadcast.sql). Snapshot + events + resync: everything is read when the
 * channel is subscribed, and on every resubscribe, because events sent while it was down are lost.
 * "Today" rolls over at WIB midnight without any change, so the day-bound reads run again then.
 */
import type { Db } from '@/lib/data/db';
import { fetchTodayCounters, fetchWallCalls, type WallCalls } from '@/lib/data/wall';
import { fetchWaitingSummary } from '@/lib/data/waiting-calls';
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import { wibDayRange, type TodayCounters } from '@/lib/domain/wall';
import type { LiveStatus } from './live-view';
import { openPrivateTopic, type TopicClient, type TopicMessage, type TopicStatus } from './private-topic';
import { createReloadable, type Reloadable, type Reloaded } from './reloadable';

export const WALL_TOPIC = 'wall:live';
export const WALL_EVENTS = ['call', 'counters'] as const;

export interface WallFeedState {
  calls: Reloaded<WallCalls>;
  waiting: Reloaded<WaitingSummary>;
  counters: Reloaded<TodayCounters>;
  /** The channel's state, as the live views report theirs. */
  status: LiveStatus;
  error: Error | undefined;
}

export interface WallFeedSources {
  calls(): Promise<WallCalls>;
  waiting(): Promise<WaitingSummary>;
  counters(): Promise<TodayCounters>;
}

export interface WallFeed {
  /** The first listener opens the channel, the last one to leave closes it. */
  subscribe(listener: () => void): () => void;
  getState(): WallFeedState;
}

/** The app's reads behind the feed; `nowMs` is the database clock (the WIB day of the counters). */
export function wallFeedSources(client: Db, nowMs: () => number): WallFeedSources {
  return {
    calls: () => fetchWallCalls(client),
    waiting: () => fetchWaitingSummary(client),
    counters: () => fetchTodayCounters(client, wibDayRange(nowMs())),
  };
}

/** A little after midnight, so that the database's clock has passed it too. */
const MIDNIGHT_SLACK_MS = 2000;

export function createWallFeed(opts: {
  client: TopicClient;
  sources: WallFeedSources;
  nowMs: () => number;
  retryDelayMs?: number;
  reopenDelayMs?: number;
}): WallFeed {
  const listeners = new Set<() => void>();
  let parts: { calls: Reloadable<WallCalls>; waiting: Reloadable<WaitingSummary>; counters: Reloadable<TodayCounters> } | undefined;
  let close: (() => void) | undefined;
  let midnight: ReturnType<typeof setTimeout> | undefined;
  let topic: { status: TopicStatus; error: Error | undefined } = { status: 'connecting', error: undefined };
  const idle: Reloaded<never> = { data: undefined, status: 'loading', error: undefined };
  let state: WallFeedState = { calls: idle, waiting: idle, counters: idle, status: 'idle', error: undefined };

  function emit() {
    const status: LiveStatus =
      topic.status === 'connecting' ? 'connecting' : topic.status === 'reconnecting' ? 'reconnecting' : 'live';
    state = parts
      ? { calls: parts.calls.get(), waiting: parts.waiting.get(), counters: parts.counters.get(), status, error: topic.error }
      : { ...state, status: 'closed' };
    for (const l of [...listeners]) l();
  }

  function armMidnight() {
    const now = opts.nowMs();
    const next = Date.parse(wibDayRange(now).to) + MIDNIGHT_SLACK_MS;
    midnight = setTimeout(() => {
      parts?.counters.reload();
      parts?.waiting.reload();
      armMidnight();
    }, Math.max(1000, next - now));
  }

  function onMessage(message: TopicMessage) {
    if (!parts) return;
    if (message.event === 'call') {
      // The board and the waiting figures; the counters have their own event.
      parts.calls.reload();
      parts.waiting.reload();
    } else if (message.event === 'counters') {
      parts.counters.reload();
    }
  }

  function reloadAll() {
    parts?.calls.reload();
    parts?.waiting.reload();
    parts?.counters.reload();
  }

  function open() {
    const retry = { retryDelayMs: opts.retryDelayMs };
    parts = {
      calls: createReloadable(opts.sources.calls, retry),
      waiting: createReloadable(opts.sources.waiting, retry),
      counters: createReloadable(opts.sources.counters, retry),
    };
    for (const p of Object.values(parts)) p.onChange(emit);
    topic = { status: 'connecting', error: undefined };
    // Nothing is read before the join: a read made then would have to be made again once subscribed
    // (events sent before the join are lost), and at the wall's first render these reads (today's
    // statistics among them) compete with the incidents' snapshot for the database.
    close = openPrivateTopic({
      client: opts.client,
      topic: WALL_TOPIC,
      events: WALL_EVENTS,
      onMessage,
      onStatus(status, err) {
        topic = { status, error: err };
        if (status === 'subscribed') reloadAll();
        emit();
      },
      reopenDelayMs: opts.reopenDelayMs,
    });
    armMidnight();
  }

  function shut() {
    close?.();
    close = undefined;
    clearTimeout(midnight);
    if (parts) for (const p of Object.values(parts)) p.dispose();
    parts = undefined;
    emit();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) open();
      return () => {
        listeners.delete(listener);
        if (!listeners.size) shut();
      };
    },
    getState: () => state,
  };
}
