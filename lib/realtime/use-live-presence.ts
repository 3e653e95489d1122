'use client';
/** Who is online in a room (and what they look at), for the wall and the dispatch screens. */
import { useMemo, useSyncExternalStore } from 'react';
import type { LiveStatus } from './live-view';
import { createPresenceRoom, type PresenceClient, type PresenceMember, type PresencePayload } from './presence-room';

const NONE: readonly never[] = [];

function parsePayload(json: string): PresencePayload {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('presence state must be an object');
  return { ...value };
}

/** `members` carry what each screen tracked, unchecked: read their fields as unknown. */
export function useLivePresence(
  client: PresenceClient,
  room: string,
  key: string,
  state: PresencePayload,
): { members: readonly PresenceMember[]; status: LiveStatus } {
  // State travels as JSON so an equal object does not rejoin the room.
  const stateJson = JSON.stringify(state);
  const presence = useMemo(
    () => createPresenceRoom({ client, room, key, state: parsePayload(stateJson) }),
    [client, room, key, stateJson],
  );
  const members = useSyncExternalStore(presence.subscribe, presence.getMembers, () => NONE);
  const status = useSyncExternalStore(presence.subscribe, presence.getStatus, (): LiveStatus => 'idle');
  return { members, status };
}
