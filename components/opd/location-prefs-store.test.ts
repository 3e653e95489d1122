import { describe, expect, it, vi } from 'vitest';
import { addClaims, setStopped } from '@/lib/domain/location-claims';
import { createLocationPrefsStore, locationPrefsKey, type PrefsStorage } from './location-prefs-store';

function memoryStorage(initial: Record<string, string> = {}): PrefsStorage & { data: Record<string, string>; writes: number } {
  const data = { ...initial };
  const s = {
    data,
    writes: 0,
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => {
      s.writes += 1;
      data[k] = v;
    },
  };
  return s;
}

describe('location prefs store', () => {
  it('stores a change once and notifies; an equal change neither stores nor notifies', () => {
    const storage = memoryStorage();
    const store = createLocationPrefsStore(() => storage, 'u1');
    const listener = vi.fn();
    store.subscribe(listener);
    store.update((p) => addClaims(p, ['a1']));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.writes).toBe(1);
    // A new but equal object (what an effect rebuilding the list each render would hand in).
    store.update((p) => ({ claimed: [...p.claimed], stopped: [...p.stopped] }));
    store.update((p) => addClaims(p, ['a1']));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(storage.writes).toBe(1);
  });

  it('reads what an earlier page stored, per liaison', () => {
    const storage = memoryStorage();
    createLocationPrefsStore(() => storage, 'u1').update((p) => setStopped(addClaims(p, ['a1', 'a2']), 'a2', true));
    expect(createLocationPrefsStore(() => storage, 'u1').get()).toEqual({ claimed: ['a1', 'a2'], stopped: ['a2'] });
    expect(createLocationPrefsStore(() => storage, 'u2').get()).toEqual({ claimed: [], stopped: [] });
    expect(Object.keys(storage.data)).toEqual([locationPrefsKey('u1')]);
  });
});
