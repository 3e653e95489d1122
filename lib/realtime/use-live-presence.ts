'use client';
/** Who is online in a room (and what they look at), for the wall and the dispatch screens. */
import { useMemo, useSyncExternalStore } from 'react';
import type { LiveStatus } from './live-view';
import { createPresenceRoom, type PresenceClient, type PresenceMember } from './presence-room';

const NONE: readonly never[] = [];

export function useLivePresence<State extends Record<string, unknown>>(
  client: PresenceClient,
  room: string,
  key: string,
  state: State,
): { members: readonly PresenceMember<State>[]; status: LiveStatus } {
  // State travels as JSON so an equal object does not rejoin the room.
  const stateJson = JSON.stringify(state);
  const presence = useMemo(
    () => createPresenceRoom<State>({ client, room, key, state: JSON.parse(stateJson) as State }),
    [client, room, key, stateJson],
  );
  const members = useSyncExternalStore(presence.subscribe, presence.getMembers, () => NONE);
  const status = useSyncExternalStore(presence.subscribe, presence.getStatus, (): LiveStatus => 'idle');
  return { members, status };
}
