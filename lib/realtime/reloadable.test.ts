/**
 * The reloadable value: one read at a time, a reload asked during a read runs once more after it,
 * the last good value kept through a failure, and a failed read tried again by itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReloadable } from './reloadable';

/** Reads that the test answers one by one. */
function reads<T>() {
  const pending: Array<{ resolve(v: T): void; reject(e: Error): void }> = [];
  return {
    load: () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })),
    get count() {
      return pending.length;
    },
    answer(i: number, v: T) {
      pending[i].resolve(v);
    },
    fail(i: number, e: Error) {
      pending[i].reject(e);
    },
  };
}

describe('createReloadable', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('runs one read at a time and reads once more for asks made during a read', async () => {
    const r = reads<number>();
    const value = createReloadable(r.load);
    value.reload();
    value.reload();
    value.reload();
    expect(r.count).toBe(1);
    r.answer(0, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.count).toBe(2);
    expect(value.get()).toEqual({ data: 1, status: 'ok', error: undefined });
    r.answer(1, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.count).toBe(2);
    expect(value.get().data).toBe(2);
  });

  it('keeps the last good value through a failure and tries again after the pause', async () => {
    const r = reads<number>();
    const value = createReloadable(r.load, { retryDelayMs: 500 });
    const seen: string[] = [];
    value.onChange(() => seen.push(value.get().status));
    value.reload();
    r.answer(0, 7);
    await vi.advanceTimersByTimeAsync(0);
    value.reload();
    r.fail(1, new Error('down'));
    await vi.advanceTimersByTimeAsync(0);
    expect(value.get()).toMatchObject({ data: 7, status: 'failing' });
    expect(value.get().error?.message).toBe('down');
    expect(r.count).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(r.count).toBe(3);
    r.answer(2, 8);
    await vi.advanceTimersByTimeAsync(0);
    expect(value.get()).toEqual({ data: 8, status: 'ok', error: undefined });
    expect(seen).toEqual(['ok', 'failing', 'ok']);
  });

  it('ignores answers after dispose and stops retrying', async () => {
    const r = reads<number>();
    const value = createReloadable(r.load, { retryDelayMs: 100 });
    value.reload();
    value.dispose();
    r.fail(0, new Error('late'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.count).toBe(1);
    expect(value.get().status).toBe('loading');
  });
});
