/**
 * Presence in one room, without React: join the channel, track this screen's state after every
 * (re)subscribe (a rejoin starts with no presence on the server), and expose who is online.
 * Rooms are private channels: the room name is the topic that the RLS policies on realtime.messages
 * authorise (incident rooms `incident:<id>` are for supervisors only), checked with the signed-in
 * user's access token, which supabase-js hands to realtime itself.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { LiveStatus } from './live-view';

export interface PresenceMember<State> {
  key: string;
  /** One entry per connection of that key (several tabs or screens). */
  states: State[];
}

/** The part of a client presence uses; a client of any schema (`SupabaseClient<Database>`) has it. */
export type PresenceClient = Pick<SupabaseClient, 'channel' | 'removeChannel'>;

export interface PresenceRoomOptions<State extends Record<string, unknown>> {
  client: PresenceClient;
  /** The channel topic, e.g. `incident:<id>`: what the policies on realtime.messages match. */
  room: string;
  /** Usually the user id, so one person on several screens is one member. */
  key: string;
  state: State;
}

export interface PresenceRoom<State> {
  subscribe(listener: () => void): () => void;
  getMembers(): readonly PresenceMember<State>[];
  getStatus(): LiveStatus;
}

export function createPresenceRoom<State extends Record<string, unknown>>(opts: PresenceRoomOptions<State>): PresenceRoom<State> {
  const listeners = new Set<() => void>();
  let members: readonly PresenceMember<State>[] = [];
  let status: LiveStatus = 'idle';
  let channel: RealtimeChannel | undefined;

  const emit = () => {
    for (const l of [...listeners]) l();
  };

  function open() {
    status = 'connecting';
    const ch = opts.client.channel(opts.room, { config: { private: true, presence: { key: opts.key } } });
    ch.on('presence', { event: 'sync' }, () => {
      const state = ch.presenceState<State>();
      members = Object.entries(state).map(([key, metas]) => ({
        key,
        states: metas.map(({ presence_ref: _ref, ...rest }) => rest as unknown as State),
      }));
      emit();
    });
    ch.subscribe((s) => {
      if (channel !== ch) return;
      if (s === 'SUBSCRIBED') {
        status = 'live';
        void ch.track(opts.state).then((r) => {
          if (r !== 'ok' && channel === ch) {
            status = 'error';
            emit();
          }
        });
      } else if (s === 'CLOSED') status = 'closed';
      else status = 'reconnecting';
      emit();
    });
    channel = ch;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size || !channel) return;
        const ch = channel;
        channel = undefined;
        status = 'closed';
        members = [];
        opts.client.removeChannel(ch).catch(() => {
          // Leaving failed because the socket is already gone: the server drops the presence itself.
          status = 'closed';
        });
      };
    },
    getMembers: () => members,
    getStatus: () => status,
  };
}
