/**
 * The body of one telephony webhook request, checked field by field. A refusal names the first bad
 * field so the PBX's integrator can fix the feed; nothing is written for a refused body.
 */
import { z } from 'zod';
import { callerPhoneFromPbx } from './caller-number';

/** Bigger bodies are refused before parsing: one event is a few hundred bytes. */
export const MAX_EVENT_BYTES = 16 * 1024;

/** An event may arrive this late (a PBX that buffered during an outage) … */
export const MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000;
/** … and this early (clock drift between the PBX and us). */
export const MAX_EVENT_LEAD_MS = 60 * 1000;

const id = z.string().trim().min(1).max(120).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

const location = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy_m: z.number().int().min(0).max(100_000).optional(),
});

export const telephonyEventSchema = z
  .strictObject({
    event_id: id,
    type: z.enum(['ringing', 'answered', 'ended', 'abandoned']),
    call_id: id,
    at: z.iso.datetime({ offset: true }),
    caller_number: z.string().max(64),
    trunk: z.string().trim().min(1).max(60).optional(),
    extension: z.string().regex(/^[0-9]{2,8}$/).optional(),
    ended_by: z.enum(['caller', 'operator']).optional(),
    location: location.optional(),
  })
  .superRefine((event, ctx) => {
    if (event.type === 'ended' && !event.ended_by) {
      ctx.addIssue({ code: 'custom', path: ['ended_by'], message: 'required when type is "ended"' });
    }
    if (event.type !== 'answered' && event.extension !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['extension'], message: 'only allowed when type is "answered"' });
    }
    if (event.type !== 'ended' && event.ended_by !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ended_by'], message: 'only allowed when type is "ended"' });
    }
  });

export type TelephonyEventBody = z.infer<typeof telephonyEventSchema>;

/** A validated event, with the number normalised and the time as a Date. */
export interface TelephonyEvent {
  eventId: string;
  type: TelephonyEventBody['type'];
  callId: string;
  at: Date;
  callerPhone: string | null;
  trunk: string | null;
  extension: string | null;
  endedBy: 'caller' | 'operator' | null;
  location: { lat: number; lng: number; accuracyM: number | null } | null;
}

export type EventParse = { ok: true; event: TelephonyEvent } | { ok: false; field: string; message: string };

export function parseTelephonyEvent(json: unknown, nowMs: number): EventParse {
  const parsed = telephonyEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body';
    return { ok: false, field, message: issue.message };
  }
  const body = parsed.data;
  const at = new Date(body.at);
  if (at.getTime() > nowMs + MAX_EVENT_LEAD_MS || at.getTime() < nowMs - MAX_EVENT_AGE_MS) {
    return { ok: false, field: 'at', message: 'more than 60 s ahead of or 24 h behind the server clock' };
  }
  return {
    ok: true,
    event: {
      eventId: body.event_id,
      type: body.type,
      callId: body.call_id,
      at,
      callerPhone: callerPhoneFromPbx(body.caller_number),
      trunk: body.trunk ?? null,
      extension: body.extension ?? null,
      endedBy: body.ended_by ?? null,
      location: body.location ? { lat: body.location.lat, lng: body.location.lng, accuracyM: body.location.accuracy_m ?? null } : null,
    },
  };
}
