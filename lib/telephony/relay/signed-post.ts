/**
 * Sends one event body to the dashboard's webhook, signed as docs/telephony.md says. Each attempt
 * is signed afresh with the current time (a retry an hour later must not fall outside the
 * signature window); the body bytes stay exactly those Kamailio sent.
 */
import { telephonySignature } from '../signature';
import type { WebhookAnswer } from './outbox';

export interface SignedPostOptions {
  url: string;
  secret: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** A webhook that does not answer in this time counts as a network failure (retried). */
  timeoutMs?: number;
}

export function signedPoster({ url, secret, fetch: doFetch = fetch, now = Date.now, timeoutMs = 10_000 }: SignedPostOptions) {
  return async (body: string): Promise<WebhookAnswer> => {
    const timestamp = String(Math.floor(now() / 1000));
    const response = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telephony-timestamp': timestamp,
        'x-telephony-signature': telephonySignature(secret, timestamp, body),
      },
      body: Buffer.from(body, 'utf8'),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    return { status: response.status, text: await response.text() };
  };
}
