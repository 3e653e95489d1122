/**
 * Records one validated PBX event through the workflow function (service role only: the caller
 * passes the admin client, on the server). The database keeps the first answer per event id.
 */
import { z } from 'zod';
import type { TelephonyEvent } from '@/lib/telephony/event-schema';
import type { Db } from './db';
import { toWriteResult } from './write-result';
import { type WriteResult } from '../domain/write-failure';

const recordedEventSchema = z.object({
  event_id: z.string(),
  call_id: z.uuid(),
  state: z.enum(['ringing', 'answered', 'line_ended', 'abandoned']),
  operator_id: z.uuid().nullable(),
  // The number is under a nuisance block: the call is recorded all the same, the PBX may play a
  // message. Answers stored before blocks existed lack both; a repeat of one still parses.
  blocked: z.boolean().default(false),
  blocked_until: z.string().nullable().default(null),
});

export type RecordedTelephonyEvent = z.infer<typeof recordedEventSchema>;

export async function recordTelephonyEvent(admin: Db, event: TelephonyEvent): Promise<WriteResult<RecordedTelephonyEvent>> {
  const result = toWriteResult(
    await admin.rpc('record_telephony_event', {
      p_event_id: event.eventId,
      p_type: event.type,
      p_call_id: event.callId,
      p_at: event.at.toISOString(),
      p_caller_phone: event.callerPhone ?? undefined,
      p_trunk: event.trunk ?? undefined,
      p_extension: event.extension ?? undefined,
      p_ended_by: event.endedBy ?? undefined,
      p_lat: event.location?.lat,
      p_lng: event.location?.lng,
      p_accuracy_m: event.location?.accuracyM ?? undefined,
    }),
  );
  if (!result.ok) return result;
  const parsed = parseRecordedEvent(result.data);
  if (!parsed) return { ok: false, failure: { kind: 'server', status: 200, detail: 'unexpected answer of record_telephony_event' } };
  return { ok: true, data: parsed };
}

/** record_telephony_event's answer as the webhook passes it on, or null when it is not one. */
export function parseRecordedEvent(answer: unknown): RecordedTelephonyEvent | null {
  const parsed = recordedEventSchema.safeParse(answer);
  return parsed.success ? parsed.data : null;
}
