/**
 * The simulated PBX: signed POSTs to the app's telephony webhook, exactly as docs/telephony.md
 * describes them (HMAC over "<timestamp>.<raw body>", one event per request, `at` = now).
 */
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
