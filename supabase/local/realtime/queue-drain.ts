/**
 * One drain loop over a database queue (captured changes, broadcast messages): a NOTIFY or the
 * sweep asks for a drain; only one runs at a time, and a request while it runs makes it go round
 * once more, so nothing queued meanwhile waits for the next sweep. Each round takes full batches
 * until a short one. Errors go to `onError` unless the loop is stopped.
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
  onError: (err: unknown) => void;
}): QueueDrain {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;

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
          while (!stopped && (await opts.drainOnce()) >= opts.batchSize);
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
