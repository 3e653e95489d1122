/**
 * The outbox of one liaison in the browser's storage, read once and then kept in memory. Steps in
 * it may not have reached the database yet, so none is ever dropped silently: when the stored text
 * cannot be read (wholly or in part), the text is kept under a backup key for support to recover
 * the steps by hand, and the liaison is told until they dismiss the notice.
 */
import { parseQueue, serializeQueue, type QueueItem } from '@/lib/domain/offline-queue';

/** The part of localStorage the outbox uses. */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface QueueStore {
  get(): readonly QueueItem[];
  set(next: readonly QueueItem[]): void;
  /** True while the liaison has not dismissed the notice that stored steps could not be read. */
  unreadable(): boolean;
  dismissUnreadable(): void;
  subscribe(listener: () => void): () => void;
}

export function queueStorageKeys(userId: string) {
  const queue = `opd-queue:${userId}`;
  return {
    queue,
    /** Holds the backup key of the last unreadable queue while its notice is not dismissed. */
    notice: `${queue}:unreadable-notice`,
    backup: (at: Date) => `${queue}:unreadable:${at.toISOString()}`,
  };
}

/** `storage` is resolved on first use: the store is made during server rendering too, where there is none. */
export function createQueueStore(storage: () => QueueStorage, userId: string, now: () => Date = () => new Date()): QueueStore {
  const keys = queueStorageKeys(userId);
  let items: readonly QueueItem[] | null = null;
  let unreadable = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };

  function keepUnreadable(text: string, readable: readonly QueueItem[]) {
    unreadable = true;
    const backupKey = keys.backup(now());
    try {
      // Backup first: the queue is rewritten with its readable steps only once the text is safe, so a
      // reload neither loses it nor backs it up again. Each occurrence has its own key, never overwritten.
      storage().setItem(backupKey, text);
      storage().setItem(keys.notice, backupKey);
      storage().setItem(keys.queue, serializeQueue(readable));
    } catch {
      // Storage full or blocked: the text stays where it was and the liaison is still told.
    }
  }

  function load(): readonly QueueItem[] {
    if (items) return items;
    const text = storage().getItem(keys.queue);
    const stored = parseQueue(text);
    items = stored.items;
    unreadable = storage().getItem(keys.notice) !== null;
    if (stored.unreadable && text !== null) keepUnreadable(text, stored.items);
    return items;
  }

  return {
    get: load,
    set(next) {
      // Read first: overwriting a queue never read would drop an unreadable one unseen.
      load();
      // Stored before anything is sent: a reload mid-request must still know the step.
      storage().setItem(keys.queue, serializeQueue(next));
      items = next;
      notify();
    },
    unreadable() {
      load();
      return unreadable;
    },
    dismissUnreadable() {
      // The backup stays for support; only the notice goes.
      storage().removeItem(keys.notice);
      unreadable = false;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
