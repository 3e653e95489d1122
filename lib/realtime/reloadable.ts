/**
 * A value read from the database again whenever something says it changed — a broadcast event, a
 * resubscribe, WIB midnight — never on an interval. One read at a time: a reload asked for during a
 * read runs once more after it, so what is shown is never older than the last ask, and a burst of
 * asks costs two reads. The last good value stays through failures (status `failing`); a failed read
 * is tried again after a pause, so a screen recovers even when nothing else happens.
 */
export type ReloadStatus = 'loading' | 'ok' | 'failing';

export interface Reloaded<T> {
  data: T | undefined;
  status: ReloadStatus;
  error: Error | undefined;
}

export interface Reloadable<T> {
  reload(): void;
  get(): Reloaded<T>;
  /** Called after every change of `get()`. */
  onChange(listener: () => void): () => void;
  /** Stops reading (timers cleared, answers still in flight ignored). */
  dispose(): void;
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

export function createReloadable<T>(load: () => Promise<T>, opts: { retryDelayMs?: number } = {}): Reloadable<T> {
  const listeners = new Set<() => void>();
  let state: Reloaded<T> = { data: undefined, status: 'loading', error: undefined };
  let running = false;
  let again = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function set(next: Reloaded<T>) {
    state = next;
    for (const l of [...listeners]) l();
  }

  function reload() {
    if (disposed) return;
    clearTimeout(retry);
    retry = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    load()
      .then(
        (data) => {
          if (!disposed) set({ data, status: 'ok', error: undefined });
        },
        (err: unknown) => {
          if (disposed) return;
          set({ data: state.data, status: 'failing', error: asError(err) });
          if (!again) retry = setTimeout(reload, opts.retryDelayMs ?? 3000);
        },
      )
      .finally(() => {
        running = false;
        if (again && !disposed) {
          again = false;
          reload();
        }
      });
  }

  return {
    reload,
    get: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
      listeners.clear();
    },
  };
}
