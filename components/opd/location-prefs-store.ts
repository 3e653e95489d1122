/**
 * The liaison phone's location choices (which assignments it set off on, which it stopped sharing
 * for) in the browser's storage, per signed-in liaison, read once and then kept in memory. Setting
 * an equal value stores and notifies nothing, so callers may set on every render.
 */
import { EMPTY_PREFS, parsePrefs, samePrefs, serializePrefs, type LocationPrefs } from '@/lib/domain/location-claims';

export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocationPrefsStore {
  get(): LocationPrefs;
  update(change: (prefs: LocationPrefs) => LocationPrefs): void;
  subscribe(listener: () => void): () => void;
}

export const locationPrefsKey = (userId: string) => `opd-location:${userId}`;

/** `storage` is resolved on first use: the store is made during server rendering too, where there is none. */
export function createLocationPrefsStore(storage: () => PrefsStorage, userId: string): LocationPrefsStore {
  let prefs: LocationPrefs | null = null;
  const listeners = new Set<() => void>();

  function load(): LocationPrefs {
    if (prefs) return prefs;
    try {
      prefs = parsePrefs(storage().getItem(locationPrefsKey(userId)));
    } catch {
      prefs = EMPTY_PREFS;
    }
    return prefs;
  }

  return {
    get: load,
    update(change) {
      const current = load();
      const next = change(current);
      if (next === current || samePrefs(next, current)) return;
      prefs = next;
      try {
        storage().setItem(locationPrefsKey(userId), serializePrefs(next));
      } catch {
        // Full or blocked storage: the choice holds while the page stays open.
      }
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
