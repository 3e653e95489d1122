/**
 * The PBX signs each webhook request: X-Telephony-Signature = "sha256=" + hex HMAC-SHA256 of
 * "<timestamp>.<raw body>" with the shared secret, and X-Telephony-Timestamp = unix seconds. The
 * timestamp inside the signed text stops a recorded request from being replayed after the window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from our clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export type SignatureCheck = 'ok' | 'missing' | 'bad_timestamp' | 'outside_window' | 'mismatch';

export function telephonySignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function checkTelephonySignature(input: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: string;
  nowSeconds: number;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, nowSeconds } = input;
  if (!timestamp || !signature) return 'missing';
  if (!/^[0-9]{1,12}$/.test(timestamp)) return 'bad_timestamp';
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return 'outside_window';
  const expected = Buffer.from(telephonySignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is public anyway.
  if (given.length !== expected.length) return 'mismatch';
  return timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}
