'use client';
/**
 * A value read again and again on an interval. The wall no longer uses it (its feed is Broadcast from
 * Database, wall-feed.ts); the dispatch board's waiting strip does, for the abandoned count's WIB
 * midnight roll-over (use-live-waiting-summary.ts). One request at a
 * time (a timeout chain, not setInterval, so a slow database never piles requests up). `kick`
 * changing asks for an early read (e.g. an incident changed), at most once per `minGapMs`, so a
 * burst of changes costs one read. The last good value stays on screen through failures, and the
 * status says it may be stale. Every timer is cleared on unmount.
 */
import { useEffect, useRef, useState } from 'react';

export type PollStatus = 'loading' | 'ok' | 'failing';

export interface Polled<T> {
  data: T | undefined;
  status: PollStatus;
  error: Error | undefined;
}

export function useLiveWallPoll<T>(load: () => Promise<T>, intervalMs: number, kick: unknown = null, minGapMs = 2000): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: undefined, status: 'loading', error: undefined });
  const loadRef = useRef(load);
  const kickRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let kickTimer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    let lastStart = 0;
    const run = () => {
      clearTimeout(timer);
      if (running) {
        again = true;
        return;
      }
      running = true;
      lastStart = Date.now();
      loadRef
        .current()
        .then(
          (data) => alive && setState({ data, status: 'ok', error: undefined }),
          (err: unknown) =>
            alive &&
            setState((s) => ({ data: s.data, status: 'failing', error: err instanceof Error ? err : new Error(String(err)) })),
        )
        .finally(() => {
          running = false;
          if (!alive) return;
          if (again) {
            again = false;
            run();
          } else {
            timer = setTimeout(run, intervalMs);
          }
        });
    };
    kickRef.current = () => {
      if (kickTimer !== undefined) return;
      kickTimer = setTimeout(() => {
        kickTimer = undefined;
        run();
      }, Math.max(0, lastStart + minGapMs - Date.now()));
    };
    run();
    return () => {
      alive = false;
      clearTimeout(timer);
      clearTimeout(kickTimer);
      kickRef.current = () => undefined;
    };
  }, [intervalMs, minGapMs]);

  useEffect(() => {
    if (kick !== null) kickRef.current();
  }, [kick]);

  return state;
}
