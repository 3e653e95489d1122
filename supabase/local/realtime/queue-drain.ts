/**
 * One drain loop over a database queue (captured changes, broadcast messages): a NOTIFY or the
 * sweep asks for a drain; only one runs at a time, and a request while it runs makes it go round
 * once more, so nothing queued meanwhile waits for the next sweep. Each round takes full batches
 * until a short one. Errors go to `onError` unless the loop is stopped.
 *
 * With `minIntervalMs`, a take that follows a short one (a trickle, not a backlog) waits until that
 * long after the short one began, so that what arrives meanwhile goes out together: every take
 * costs one write per subscribed socket, so at 100 changes/s to 5,000 sockets one take per change
 * would be 500,000 socket writes a second. The first change after a quiet spell never waits, nor
 * does a backlog (full batches).
 */
export interface QueueDrain {
  /** Drains now (or joins the drain under way and has it go round again). */
  drain(): Promise<void>;
  /** Waits for the drain under way, then drains once more: everything committed before is delivered. */
  flush(): Promise<void>;
  /** No new drains; waits for the one under way. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

export function createQueueDrain(opts: {
  /** Takes and delivers one batch; answers how many rows it took. */
  drainOnce: () => Promise<number>;
  batchSize: number;
  /** Least time from the start of a short take to the next take. */
  minIntervalMs?: number;
  onError: (err: unknown) => void;
}): QueueDrain {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  const minInterval = opts.minIntervalMs ?? 0;
  /** When the last short take that found rows began; 0 after a full batch or an empty take. */
  let lastShortTake = 0;

  async function takeOnce(): Promise<number> {
    const wait = lastShortTake + minInterval - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (stopped) return 0;
    // Requests made before this take began are served by it.
    again = false;
    const started = Date.now();
    const n = await opts.drainOnce();
    lastShortTake = n > 0 && n < opts.batchSize ? started : 0;
    return n;
  }

  function drain(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await takeOnce()) >= opts.batchSize);
        } while (again && !stopped);
      } catch (err) {
        if (!stopped) opts.onError(err);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    drain,
    async flush() {
      if (running) await running;
      await drain();
    },
    async stop() {
      stopped = true;
      if (running) await running;
    },
    get stopped() {
      return stopped;
    },
  };
}
