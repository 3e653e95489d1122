/**
 * The fetch of one simulated screen, as its browser would send the requests: at most six at once
 * to the stack (Chromium's connections per host over HTTP/1.1; the rest wait in the browser, not in
 * the stack's accept queue), and a request the stack refused unapplied sent again, as the app's
 * browser client does (lib/supabase/client.ts). Without the bound, one process of 150 screens held
 * up to 1,887 connections to the stack during a reread burst (issue #19).
 */
import { resendRefused } from '../../lib/supabase/resend-refused';

export const BROWSER_CONNECTIONS_PER_HOST = 6;

/** `base` with at most `limit` requests under way; the others start in the order they came. */
export function limitConcurrency(base: typeof fetch, limit: number): typeof fetch {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (input, init) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      const res = await base(input, init);
      // The connection is busy until its body has been read: hold the slot until then.
      const body = await res.arrayBuffer();
      return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      release();
    }
  };
}

export function browserLikeFetch(): typeof fetch {
  return resendRefused(limitConcurrency((input, init) => fetch(input, init), BROWSER_CONNECTIONS_PER_HOST));
}
