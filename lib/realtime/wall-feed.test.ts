/**
 * The wall feed with a fake client and channel (no network): it reads everything when it opens and
 * on every (re)subscribe, reads only what an event names again, joins the private topic wall:live,
 * reopens a channel the server closed, reads the day-bound figures again after WIB midnight, and
 * closes the channel when the last listener leaves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WallCalls } from '@/lib/data/wall';
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import { todayCounters } from '@/lib/domain/wall';
import type { ChannelStatus } from './live-view';
import type { TopicChannel, TopicClient, TopicMessage } from './private-topic';
import { createWallFeed, WALL_TOPIC, type WallFeedSources } from './wall-feed';

class FakeChannel implements TopicChannel {
  readonly handlers = new Map<string, (m: TopicMessage) => void>();
  private onStatus: ((status: ChannelStatus, err?: Error) => void) | undefined;

  constructor(
    readonly name: string,
    readonly isPrivate: boolean,
  ) {}

  on(_type: 'broadcast', filter: { event: string }, callback: (m: TopicMessage) => void) {
    this.handlers.set(filter.event, callback);
    return this;
  }

  subscribe(callback: (status: ChannelStatus, err?: Error) => void) {
    this.onStatus = callback;
    return this;
  }

  status(s: ChannelStatus) {
    this.onStatus?.(s, s === 'SUBSCRIBED' ? undefined : new Error(s));
  }

  send(event: string, payload: unknown = {}) {
    this.handlers.get(event)?.({ event, payload });
  }
}

class FakeClient implements TopicClient {
  readonly channels: FakeChannel[] = [];
  readonly removed: FakeChannel[] = [];

  channel(name: string, opts: { config: { private: boolean } }) {
    const ch = new FakeChannel(name, opts.config.private);
    this.channels.push(ch);
    return ch;
  }

  async removeChannel(channel: TopicChannel) {
    this.removed.push(channel as FakeChannel);
    return 'ok';
  }

  get last(): FakeChannel {
    return this.channels[this.channels.length - 1];
  }
}

const CALLS: WallCalls = { calls: [], total: 0 };
const WAITING: WaitingSummary = { waiting: 0, oldestReceivedAt: null, abandonedToday: 0 };
const COUNTERS = todayCounters([], []);

function countingSources() {
  const reads = { calls: 0, waiting: 0, counters: 0 };
  const sources: WallFeedSources = {
    calls: async () => (reads.calls++, CALLS),
    waiting: async () => (reads.waiting++, WAITING),
    counters: async () => (reads.counters++, COUNTERS),
  };
  return { reads, sources };
}

describe('createWallFeed', () => {
  // 2026-12-02 23:59:00 WIB
  const start = Date.parse('2026-12-02T16:59:00Z');
  let now = start;
  beforeEach(() => {
    now = start;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  function setup() {
    const client = new FakeClient();
    const { reads, sources } = countingSources();
    const feed = createWallFeed({ client, sources, nowMs: () => now, reopenDelayMs: 100 });
    const states: string[] = [];
    const leave = feed.subscribe(() => states.push(feed.getState().status));
    return { client, reads, feed, leave, states };
  }

  it('joins wall:live privately and reads everything once subscribed, not before', async () => {
    const { client, reads, feed } = setup();
    expect(client.channels.map((c) => [c.name, c.isPrivate])).toEqual([[WALL_TOPIC, true]]);
    expect([...client.last.handlers.keys()].sort()).toEqual(['call', 'counters']);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual({ calls: 0, waiting: 0, counters: 0 });
    expect(feed.getState().status).toBe('connecting');
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual({ calls: 1, waiting: 1, counters: 1 });
    expect(feed.getState()).toMatchObject({ status: 'live', calls: { data: CALLS, status: 'ok' }, counters: { data: COUNTERS } });
  });

  it('reads nothing while nothing happens: no polling', async () => {
    // 2026-12-02 12:00 WIB: twelve quiet hours until midnight.
    now = Date.parse('2026-12-02T05:00:00Z');
    const { client, reads } = setup();
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(11 * 3600_000);
    expect(reads).toEqual({ calls: 1, waiting: 1, counters: 1 });
  });

  it('reads only what an event names', async () => {
    const { client, reads } = setup();
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    client.last.send('call', { op: 'insert' });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual({ calls: 2, waiting: 2, counters: 1 });
    client.last.send('counters');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual({ calls: 2, waiting: 2, counters: 2 });
  });

  it('resyncs after a drop and reopens a channel the server closed', async () => {
    const { client, reads, feed } = setup();
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    client.last.status('CHANNEL_ERROR');
    expect(feed.getState().status).toBe('reconnecting');
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads.calls).toBe(2);
    expect(feed.getState().status).toBe('live');

    const first = client.last;
    first.status('CLOSED');
    await vi.advanceTimersByTimeAsync(100);
    expect(client.removed).toContain(first);
    expect(client.channels).toHaveLength(2);
    // The old channel's late events are ignored; the new one's count.
    first.send('counters');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads.counters).toBe(2);
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual({ calls: 3, waiting: 3, counters: 3 });
  });

  it('reads the counters and the waiting figures again after WIB midnight', async () => {
    const { client, reads } = setup();
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    now = start + 62_000;
    await vi.advanceTimersByTimeAsync(62_000);
    expect(reads).toEqual({ calls: 1, waiting: 2, counters: 2 });
  });

  it('closes the channel when the last listener leaves and reads nothing more', async () => {
    const { client, reads, feed, leave } = setup();
    client.last.status('SUBSCRIBED');
    await vi.advanceTimersByTimeAsync(0);
    leave();
    expect(client.removed).toEqual([client.channels[0]]);
    expect(feed.getState().status).toBe('closed');
    client.channels[0].send('call');
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(reads).toEqual({ calls: 1, waiting: 1, counters: 1 });
  });
});
