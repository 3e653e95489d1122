/**
 * The telephony webhook's request handling, without Next.js or a database: limits, signature,
 * parsing, and which status tells the PBX what. 2xx done; 400/401/409/413 do not retry (the
 * request itself is wrong); 503 retry later. The route wires in the real recorder and clock.
 */
import type { WriteResult } from '@/lib/domain/write-failure';
import type { RecordedTelephonyEvent } from '@/lib/data/telephony';
import { MAX_EVENT_BYTES, parseTelephonyEvent, type TelephonyEvent } from './event-schema';
import { readLimitedBody } from './limited-body';
import { checkTelephonySignature } from './signature';

export interface TelephonyHandlerDeps {
  /** TELEPHONY_WEBHOOK_SECRET; without it the endpoint does not exist. */
  secret: string | undefined;
  record: (event: TelephonyEvent) => Promise<WriteResult<RecordedTelephonyEvent>>;
  nowMs: () => number;
  /** Where a failure we cannot blame on the request is reported (server log). */
  logFailure: (message: string, detail: unknown) => void;
}

export interface TelephonyAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function handleTelephonyEventRequest(request: Request, deps: TelephonyHandlerDeps): Promise<TelephonyAnswer> {
  const secret = deps.secret?.trim();
  if (!secret) return { status: 404, body: { error: 'not_found' } };

  const body = await readLimitedBody(request, MAX_EVENT_BYTES);
  if (!body.ok) return { status: 413, body: { error: 'body_too_large', limit_bytes: MAX_EVENT_BYTES } };

  const check = checkTelephonySignature({
    secret,
    timestamp: request.headers.get('x-telephony-timestamp'),
    signature: request.headers.get('x-telephony-signature'),
    rawBody: body.text,
    nowSeconds: Math.floor(deps.nowMs() / 1000),
  });
  // One answer for every signature problem: a prober learns nothing about which part was wrong.
  if (check !== 'ok') return { status: 401, body: { error: 'invalid_signature' } };

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return { status: 400, body: { error: 'invalid_json' } };
  }
  const parsed = parseTelephonyEvent(json, deps.nowMs());
  if (!parsed.ok) return { status: 400, body: { error: 'invalid_field', field: parsed.field, message: parsed.message } };

  const recorded = await deps.record(parsed.event);
  if (recorded.ok) return { status: 200, body: recorded.data };
  const { failure } = recorded;
  // The event contradicts what the PBX said before (answered after abandoned, a reused event id).
  if (failure.kind === 'workflow') return { status: 409, body: { error: failure.code } };
  // A check the database made on the values themselves: sending it again cannot help.
  if (failure.kind === 'other' && failure.status === 400) return { status: 400, body: { error: 'refused', message: failure.detail } };
  // No answer, a fault, or our own configuration (e.g. a wrong service key): the PBX should retry.
  deps.logFailure('telephony webhook: event not recorded', failure);
  return { status: 503, body: { error: 'unavailable' } };
}
