/**
 * The e2e server's telephony feed: the webhook secret it runs with, a signed POST as a PBX would
 * send it, and a service-role client (from the e2e server's control endpoint) to check what was
 * written — the webhook's answers alone could hide a write that should not have happened.
 */
import { createClient } from '@supabase/supabase-js';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { telephonySignature } from '../../lib/telephony/signature';
import type { Database } from '../../lib/supabase/database.types';
import type { DemoDb } from './demo-clients';

import { E2E_TELEPHONY_SECRET } from './telephony-secret';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

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

export async function serviceRoleClient(): Promise<DemoDb> {
  const port = Number(process.env.E2E_CONTROL_PORT ?? Number(process.env.E2E_PORT ?? 3199) + 1);
  const res = await fetch(`http://127.0.0.1:${port}/stack`);
  const { url, serviceRoleKey } = (await res.json()) as { url: string; serviceRoleKey: string };
  return createClient<Database>(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
}
