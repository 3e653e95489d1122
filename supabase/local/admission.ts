/**
 * Admission control: a bound on the API requests the stack works on at once (issue #19).
 *
 * Without it, a disaster day's clients queue requests behind a saturated database without limit:
 * each one waits longer than the last, clients give up (connect and headers timeouts) and cannot
 * tell whether their write was applied. A request beyond the bound is refused before it touches the
 * database, in microseconds, with `503` and `Retry-After`: nothing of it was applied, so any client
 * may send it again, a POST too (the simulator and the phones' outbox do; postgrest-js resends GETs
 * on a 503 by itself and waits what Retry-After says).
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.ts';

/**
 * Default bound. A request of the center costs PGlite 2–10 ms of its one thread: 256 waiting is
 * about a second of work queued, past which waiting more only grows the clients' timeouts.
 */
export const DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;

/** Seconds a refused client is told to wait: about the time the queue ahead of it takes to drain. */
export const REFUSED_RETRY_AFTER_S = 1;

export interface Admission {
  /** Requests admitted and not yet answered (or abandoned by their client). */
  readonly inFlight: number;
  /** Requests refused since the start. */
  readonly refused: number;
  /**
   * Admits the request of `res` when fewer than the bound are in flight, and counts it until its
   * response is finished or its connection closes; otherwise answers 503 and returns false.
   */
  admit(res: ServerResponse): boolean;
}

export function createAdmission(maxInFlight: number): Admission {
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error(`max requests in flight must be a positive integer, not ${maxInFlight}`);
  let inFlight = 0;
  let refused = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    get refused() {
      return refused;
    },
    admit(res) {
      if (inFlight >= maxInFlight) {
        refused++;
        sendJson(
          res,
          503,
          {
            code: '53300',
            message: `The embedded stack is busy: ${maxInFlight} requests are in progress. Nothing of this request was applied; send it again.`,
            details: null,
            hint: `Retry after ${REFUSED_RETRY_AFTER_S} s`,
          },
          { 'retry-after': String(REFUSED_RETRY_AFTER_S) },
        );
        return false;
      }
      inFlight++;
      // 'close' follows 'finish' and also comes when the client goes away first: counted down once.
      res.once('close', () => inFlight--);
      return true;
    },
  };
}

/** STACK_MAX_REQUESTS_IN_FLIGHT: a positive integer; unset uses the default. */
export function parseMaxRequestsInFlight(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_REQUESTS_IN_FLIGHT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`STACK_MAX_REQUESTS_IN_FLIGHT must be an integer from 1 to 100000, not "${value}"`);
  return n;
}
