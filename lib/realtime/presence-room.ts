/**
 * Presence in one room, without React: join the channel, track this screen's state after every
 * (re)subscribe (a rejoin starts with no presence on the server), and expose who is online.
 * Rooms are private channels: the room name is the topic that the RLS policies on realtime.messages
 * authorise (incident rooms `incident:<id>` are for supervisors only), checked with the signed-in
 * user's access token, which supabase-js hands to realtime itself.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { LiveStatus } from './live-view';

/**
 * What a screen tracks, and what the room hands back for everyone in it: JSON that other clients
 * sent (another version of the app, or any client the room's policy admits), so its fields are
 * unknown until the reader checks them.
 */
export type PresencePayload = Readonly<Record<string, unknown>>;

export interface PresenceMember {
  key: string;
  /** One entry per connection of that key (several tabs or screens). */
  states: PresencePayload[];
}

/** The part of a client presence uses; a client of any schema (`SupabaseClient<Database>`) has it. */
export type PresenceClient = Pick<SupabaseClient, 'channel' | 'removeChannel'>;

export interface PresenceRoomOptions {
  client: PresenceClient;
  /** The channel topic, e.g. `incident:<id>`: what the policies on realtime.messages match. */
  room: string;
  /** Usually the user id, so one person on several screens is one member. */
  key: string;
  state: PresencePayload;
}

export interface PresenceRoom {
  subscribe(listener: () => void): () => void;
  getMembers(): readonly PresenceMember[];
  getStatus(): LiveStatus;
}

export function createPresenceRoom(opts: PresenceRoomOptions): PresenceRoom {
  const listeners = new Set<() => void>();
  let members: readonly PresenceMember[] = [];
  let status: LiveStatus = 'idle';
  let channel: RealtimeChannel | undefined;

  const emit = () => {
    for (const l of [...listeners]) l();
  };

  function open() {
    status = 'connecting';
    const ch = opts.client.channel(opts.room, { config: { private: true, presence: { key: opts.key } } });
    ch.on('presence', { event: 'sync' }, () => {
      members = Object.entries(ch.presenceState<PresencePayload>()).map(([key, metas]) => ({
        key,
        states: metas.map(({ presence_ref: _ref, ...rest }) => rest),
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
