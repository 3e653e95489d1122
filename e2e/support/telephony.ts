/**
 * The e2e server's telephony feed: a signed POST as a PBX would send it, with the secret the e2e
 * server runs the webhook with.
 */
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { telephonySignature } from '../../lib/telephony/signature';
import { E2E_TELEPHONY_SECRET } from './telephony-secret';

export interface PbxEvent {
  event_id: string;
  type: 'ringing' | 'answered' | 'ended' | 'abandoned';
  call_id: string;
  at: string;
  caller_number: string;
  trunk?: string;
  extension?: string;
  ended_by?: 'caller' | 'operator';
  location?: { lat: number; lng: number; accuracy_m?: number };
}

export function postPbxEvent(
  request: APIRequestContext,
  body: PbxEvent | string,
  { secret = E2E_TELEPHONY_SECRET, timestamp = Math.floor(Date.now() / 1000) }: { secret?: string; timestamp?: number } = {},
): Promise<APIResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return request.post('/api/telephony/events', {
    // A Buffer goes out byte for byte; a string that is not valid JSON would be re-encoded.
    data: Buffer.from(raw),
    headers: {
      'content-type': 'application/json',
      'x-telephony-timestamp': String(timestamp),
      'x-telephony-signature': telephonySignature(secret, String(timestamp), raw),
    },
  });
}
