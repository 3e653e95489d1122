import { describe, expect, it } from 'vitest';
import { enqueue, serializeQueue, type QueueItem } from '@/lib/domain/offline-queue';
import { createQueueStore, queueStorageKeys, type QueueStorage } from './opd-queue-store';

class MemoryStorage implements QueueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const USER = 'u1';
const keys = queueStorageKeys(USER);
const AT = new Date('2026-11-28T03:04:05.000Z');
const BACKUP = keys.backup(AT);
const good: QueueItem = { id: 's1', assignmentId: 'a1', action: 'mark_on_scene', expectedVersion: 2, createdAtMs: 1, state: 'pending', attempts: 0 };

function storeOver(storage: MemoryStorage) {
  return createQueueStore(() => storage, USER, () => AT);
}

function withQueueText(text: string): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(keys.queue, text);
  return storage;
}

describe('queue store', () => {
  it('reads a sound queue without any notice or backup', () => {
    const storage = withQueueText(serializeQueue([good]));
    const store = storeOver(storage);
    expect(store.get()).toEqual([good]);
    expect(store.unreadable()).toBe(false);
    expect([...storage.data.keys()]).toEqual([keys.queue]);
  });

  it('raises the notice and backs up the raw text when the stored queue is not JSON', () => {
    const raw = '[{"id":"s1","assignmentId":"a1","action":"mark_on';
    const storage = withQueueText(raw);
    const store = storeOver(storage);
    expect(store.get()).toEqual([]);
    expect(store.unreadable()).toBe(true);
    expect(storage.getItem(BACKUP)).toBe(raw);
    expect(storage.getItem(keys.notice)).toBe(BACKUP);
    expect(storage.getItem(keys.queue)).toBe('[]');
  });

  it('raises the notice for a stored value of the wrong shape', () => {
    const storage = withQueueText('{"s1":"mark_on_scene"}');
    const store = storeOver(storage);
    expect(store.unreadable()).toBe(true);
    expect(store.get()).toEqual([]);
    expect(storage.getItem(BACKUP)).toBe('{"s1":"mark_on_scene"}');
  });

  it('keeps the valid steps of a partly readable queue, backs up the whole text and raises the notice', () => {
    const raw = JSON.stringify([good, { id: 's2', action: 'drop_table' }, { ...good, id: 's3', assignmentId: 'a2' }]);
    const storage = withQueueText(raw);
    const store = storeOver(storage);
    expect(store.get().map((i) => i.id)).toEqual(['s1', 's3']);
    expect(store.unreadable()).toBe(true);
    expect(storage.getItem(BACKUP)).toBe(raw);
    expect(JSON.parse(storage.getItem(keys.queue) ?? '')).toEqual([good, { ...good, id: 's3', assignmentId: 'a2' }]);
  });

  it('tells subscribers when the notice is dismissed, keeps the backup and does not raise it again on reload', () => {
    const storage = withQueueText('{not json');
    const store = storeOver(storage);
    expect(store.unreadable()).toBe(true);
    let calls = 0;
    store.subscribe(() => calls++);
    store.dismissUnreadable();
    expect(calls).toBe(1);
    expect(store.unreadable()).toBe(false);
    expect(storage.getItem(BACKUP)).toBe('{not json');
    expect(storeOver(storage).unreadable()).toBe(false);
  });

  it('keeps the notice across a reload until it is dismissed', () => {
    const storage = withQueueText('{not json');
    expect(storeOver(storage).unreadable()).toBe(true);
    const reloaded = createQueueStore(() => storage, USER, () => new Date('2026-11-28T04:00:00.000Z'));
    expect(reloaded.unreadable()).toBe(true);
    // The rewritten queue is readable: the reload made no second backup.
    expect([...storage.data.keys()].filter((k) => k.includes(':unreadable:'))).toEqual([BACKUP]);
  });

  it('never overwrites an unread stored queue with a new step before reading it', () => {
    const storage = withQueueText('{not json');
    const store = storeOver(storage);
    store.set(enqueue([], { id: 's9', assignmentId: 'a9', action: 'acknowledge_assignment', expectedVersion: 1, createdAtMs: 2 }));
    expect(storage.getItem(BACKUP)).toBe('{not json');
    expect(store.unreadable()).toBe(true);
    expect(store.get().map((i) => i.id)).toEqual(['s9']);
  });

  it('still raises the notice when the backup cannot be written', () => {
    const storage = withQueueText('{not json');
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = storeOver(storage);
    expect(store.get()).toEqual([]);
    expect(store.unreadable()).toBe(true);
    expect(storage.data.get(keys.queue)).toBe('{not json');
  });
});
