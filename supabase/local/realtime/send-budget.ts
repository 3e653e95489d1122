/**
 * The bound on output waiting to be sent: per socket and across all sockets. A subscriber that
 * reads slower than changes arrive makes the stack hold what it has not read; 5,000 such sockets
 * at a per-socket limit alone could hold 5,000 times that limit. Past the total budget the sockets
 * holding the most (the slowest readers) are closed, until what is left is under the low-water
 * mark; their clients reconnect and resync (realtime-js rejoins, the app's live views take a fresh
 * snapshot), so what is dropped is never dropped silently.
 *
 * Measuring every socket on every send would cost sockets × sends, so the budget keeps an estimate
 * (the last measurement plus the bytes sent since) and measures only when the estimate passes the
 * budget, and then at most once per `checkStepBytes` sent: what is held stays under
 * `totalBytes + checkStepBytes`.
 */

export interface SendBudgetOptions {
  /** Most bytes one socket may hold unsent; past it that socket is closed. */
  perSocketBytes: number;
  /** Most bytes all sockets together may hold unsent. */
  totalBytes: number;
  /** Closing stops once the total is at or below this (hysteresis: not one close per send). */
  lowWaterBytes?: number;
  /** Bytes sent between two measurements at least. */
  checkStepBytes?: number;
}

export interface SendBudgetStats {
  /** Sockets closed because they alone held more than `perSocketBytes`. */
  socketClosures: number;
  /** Sockets closed because all together held more than `totalBytes`. */
  totalClosures: number;
  /** The total held at the last measurement (after any closing). */
  measuredBytes: number;
  measurements: number;
}

export interface SendBudget<S> {
  /** Before a send: false when the socket already holds too much (it has been closed). */
  admit(socket: S): boolean;
  /** After a send of `bytes` bytes; may close the slowest sockets. */
  sent(bytes: number): void;
  stats(): SendBudgetStats;
}

/** Parses a byte limit from the environment: a positive integer, else the default. */
export function byteLimit(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive number of bytes, got "${value}"`);
  return n;
}

export function createSendBudget<S>(
  opts: SendBudgetOptions,
  sockets: () => Iterable<S>,
  buffered: (socket: S) => number,
  close: (socket: S) => void,
): SendBudget<S> {
  const lowWater = opts.lowWaterBytes ?? Math.floor(opts.totalBytes * 0.75);
  const step = opts.checkStepBytes ?? Math.max(1, Math.floor(opts.totalBytes / 16));
  if (!(lowWater >= 0 && lowWater <= opts.totalBytes)) throw new Error('lowWaterBytes must lie between 0 and totalBytes');
  const stats: SendBudgetStats = { socketClosures: 0, totalClosures: 0, measuredBytes: 0, measurements: 0 };
  let sinceMeasure = 0;

  function measure(): void {
    stats.measurements++;
    sinceMeasure = 0;
    const held: Array<{ socket: S; bytes: number }> = [];
    let total = 0;
    for (const socket of sockets()) {
      const bytes = buffered(socket);
      if (bytes > 0) held.push({ socket, bytes });
      total += bytes;
    }
    if (total > opts.totalBytes) {
      held.sort((a, b) => b.bytes - a.bytes);
      for (const h of held) {
        if (total <= lowWater) break;
        close(h.socket);
        stats.totalClosures++;
        total -= h.bytes;
      }
    }
    stats.measuredBytes = total;
  }

  return {
    admit(socket) {
      if (buffered(socket) <= opts.perSocketBytes) return true;
      close(socket);
      stats.socketClosures++;
      return false;
    },
    sent(bytes) {
      sinceMeasure += bytes;
      if (stats.measuredBytes + sinceMeasure > opts.totalBytes && sinceMeasure >= step) measure();
    },
    stats: () => ({ ...stats }),
  };
}
