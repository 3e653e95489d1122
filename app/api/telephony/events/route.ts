/** POST /api/telephony/events — the PBX's webhook (docs/telephony.md); see handle-event-request.ts. */
import { NextResponse, type NextRequest } from 'next/server';
import { createAdminClient } from '@/lib/supabase/admin';
import { recordTelephonyEvent } from '@/lib/data/telephony';
import { handleTelephonyEventRequest } from '@/lib/telephony/handle-event-request';

export const dynamic = 'force-dynamic';

// One service-role client for the process: the PBX sends a few events per call.
let admin: ReturnType<typeof createAdminClient> | undefined;

export async function POST(request: NextRequest): Promise<NextResponse> {
  const { status, body } = await handleTelephonyEventRequest(request, {
    secret: process.env.TELEPHONY_WEBHOOK_SECRET,
    record: (event) => recordTelephonyEvent((admin ??= createAdminClient()), event),
    nowMs: Date.now,
    logFailure: (message, detail) => console.error(message, detail),
  });
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
