/**
 * Sends a request again when the API refused it before doing anything: `503` with `Retry-After`
 * is what the embedded stack answers past its bound on requests in flight (admission.ts), and what
 * PostgREST answers while its schema cache loads. Nothing of such a request was applied, so a write
 * is as safe to resend as a read (postgrest-js resends only GETs, and only on its own). Any other
 * answer, and a request whose body cannot be sent twice, goes back to the caller as it came.
 */
export interface ResendOptions {
  /** Resends after the first attempt; then the refusal is the answer. */
  maxResends?: number;
  /** Cap on one pause, whatever Retry-After says. */
  maxPauseMs?: number;
  /** Told of each resend (the simulator counts them). */
  onResend?: (url: string) => void;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1: each pause is Retry-After stretched by up to this much again. */
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retry-After in seconds (an HTTP date is not sent by the stack: treated as 1 s), stretched by a
 * random share of itself: the clients refused in one burst must not all come back in the same
 * instant and fill the bound again.
 */
function pauseMs(header: string, maxPauseMs: number, random: () => number): number {
  const seconds = Number(header);
  const base = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
  return Math.min(maxPauseMs, Math.round(base * (1 + random())));
}

const resendable = (body: RequestInit['body']) => body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;

export function resendRefused(base: typeof fetch, options: ResendOptions = {}): typeof fetch {
  const { maxResends = 4, maxPauseMs = 5000, onResend, sleep = wait, random = Math.random } = options;
  return async (input, init) => {
    // A Request object carries a body stream of its own: sent once, as it is.
    const canResend = !(input instanceof Request) && resendable(init?.body);
    for (let attempt = 0; ; attempt++) {
      const res = await base(input, init);
      const retryAfter = res.headers.get('retry-after');
      if (res.status !== 503 || retryAfter === null || !canResend || attempt >= maxResends || init?.signal?.aborted) return res;
      await res.arrayBuffer();
      onResend?.(typeof input === 'string' ? input : input.toString());
      await sleep(pauseMs(retryAfter, maxPauseMs, random));
    }
  };
}
