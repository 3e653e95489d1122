/**
 * The simulated PBX: signed POSTs to the app's telephony webhook, exactly as docs/telephony.md
 * describes them (HMAC over "<timestamp>.<raw body>", one event per request, `at` = when it
 * happened), sent again after a 5xx or no answer as the signing relay does: the event id makes a
 * repeat harmless.
 */
import { retryPauseMs } from '../../telephony/retry-pause';
import { telephonySignature } from '../../telephony/signature';
import type { TelephonyEventBody } from '../../telephony/event-schema';
import { fetchWithCause } from './fetch-with-cause';

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function postTelephonyEvent(appUrl: string, secret: string, event: TelephonyEventBody): Promise<WebhookAnswer> {
  const raw = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetchWithCause(new URL('/api/telephony/events', appUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telephony-timestamp': timestamp,
      'x-telephony-signature': telephonySignature(secret, timestamp, raw),
    },
    body: raw,
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = { error: text.slice(0, 200) };
  }
  return { status: res.status, body };
}

/** Attempts of one event: pauses of about 0.5, 1, 2, 4 and 8 s between them (the relay's, shortened). */
export const PBX_ATTEMPTS = 6;

export interface DeliveryOptions {
  /** The run is stopping: no more attempts. */
  signal: AbortSignal;
  /** Told before each repeat. */
  onResend: () => void;
  /** Waits, or resolves false when the run stops. */
  sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
  random?: () => number;
}

/** Sends one event until the webhook takes or refuses it (a 2xx or 4xx), or PBX_ATTEMPTS are spent. */
export async function deliverTelephonyEvent(appUrl: string, secret: string, event: TelephonyEventBody, opts: DeliveryOptions): Promise<WebhookAnswer> {
  for (let attempt = 1; ; attempt++) {
    let answer: WebhookAnswer | undefined;
    let failure: unknown;
    try {
      answer = await postTelephonyEvent(appUrl, secret, event);
      if (answer.status < 500) return answer;
    } catch (err) {
      failure = err;
    }
    const giveUp = () => {
      if (answer) return answer;
      throw failure;
    };
    if (attempt >= PBX_ATTEMPTS || opts.signal.aborted) return giveUp();
    opts.onResend();
    if (!(await opts.sleep(retryPauseMs(attempt, opts.random ?? Math.random, 500, 8000), opts.signal))) return giveUp();
  }
}
