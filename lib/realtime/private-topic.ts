/**
 * One private Broadcast channel, kept open: the events of a topic that the database sends with
 * realtime.send() (Broadcast from Database), authorised by the RLS policies on realtime.messages.
 * `onSubscribed` runs on every (re)subscribe — the moment to read the snapshot again, since events
 * sent while the channel was down are gone. realtime-js rejoins by itself after an error; a channel
 * the server closed (an expired token) is removed and opened anew after a pause.
 */
import type { ChannelStatus } from './live-view';

/** What supabase-js hands a broadcast listener. */
export interface TopicMessage {
  event: string;
  payload?: unknown;
}

/** The part of a realtime channel used here; supabase-js's `RealtimeChannel` has it. */
export interface TopicChannel {
  on(type: 'broadcast', filter: { event: string }, callback: (message: TopicMessage) => void): TopicChannel;
  subscribe(callback: (status: ChannelStatus, err?: Error) => void): unknown;
}

/** The part of a client used here; `Db` has it. */
export interface TopicClient {
  channel(name: string, opts: { config: { private: boolean } }): TopicChannel;
  removeChannel(channel: TopicChannel): Promise<unknown>;
}

export type TopicStatus = 'connecting' | 'subscribed' | 'reconnecting';

export interface PrivateTopicOptions {
  client: TopicClient;
  topic: string;
  events: readonly string[];
  onMessage(message: TopicMessage): void;
  onStatus(status: TopicStatus, err?: Error): void;
  reopenDelayMs?: number;
}

/** Opens the channel; the returned function closes it for good. */
export function openPrivateTopic(opts: PrivateTopicOptions): () => void {
  let generation = 0;
  let channel: TopicChannel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function open() {
    const gen = ++generation;
    opts.onStatus(gen === 1 ? 'connecting' : 'reconnecting');
    let ch = opts.client.channel(opts.topic, { config: { private: true } });
    for (const event of opts.events) {
      ch = ch.on('broadcast', { event }, (message) => {
        if (gen === generation) opts.onMessage(message);
      });
    }
    channel = ch;
    ch.subscribe((status, err) => {
      if (gen !== generation) return;
      if (status === 'SUBSCRIBED') opts.onStatus('subscribed');
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') opts.onStatus('reconnecting', err);
      else if (status === 'CLOSED') {
        opts.onStatus('reconnecting', err);
        timer = setTimeout(() => {
          if (gen !== generation) return;
          // supabase-js hands out the existing channel of a topic: remove this one before a new join.
          opts.client.removeChannel(ch).then(
            () => gen === generation && open(),
            () => gen === generation && open(),
          );
        }, opts.reopenDelayMs ?? 1000);
      }
    });
  }

  open();
  return () => {
    generation++;
    clearTimeout(timer);
    const ch = channel;
    channel = undefined;
    if (ch) void opts.client.removeChannel(ch).catch(() => undefined);
  };
}
