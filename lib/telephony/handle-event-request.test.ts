import { describe, expect, it, vi } from 'vitest';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { RecordedTelephonyEvent } from '@/lib/data/telephony';
import { handleTelephonyEventRequest, type TelephonyHandlerDeps } from './handle-event-request';
import { telephonySignature } from './signature';

const secret = 'webhook-secret';
const nowMs = Date.parse('2026-12-02T03:00:00Z');
const event = { event_id: 'ev-1', type: 'ringing', call_id: 'pbx-1', at: '2026-12-02T02:59:58Z', caller_number: '0812 1111 2222' };
const recorded: RecordedTelephonyEvent = { event_id: 'ev-1', call_id: '00000000-0000-4000-8000-000000000001', state: 'ringing', operator_id: null, blocked: false, blocked_until: null };

function signed(body: string, { at = nowMs, key = secret }: { at?: number; key?: string } = {}): Request {
  const timestamp = String(Math.floor(at / 1000));
  return new Request('http://app/api/telephony/events', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-telephony-timestamp': timestamp, 'x-telephony-signature': telephonySignature(key, timestamp, body) },
  });
}

function deps(result: WriteResult<RecordedTelephonyEvent> = { ok: true, data: recorded }, overrides: Partial<TelephonyHandlerDeps> = {}) {
  const record = vi.fn(async () => result);
  const logFailure = vi.fn();
  return { record, logFailure, all: { secret, record, nowMs: () => nowMs, logFailure, ...overrides } };
}

describe('handleTelephonyEventRequest', () => {
  it('records a signed event and answers 200 with the call', async () => {
    const d = deps();
    expect(await handleTelephonyEventRequest(signed(JSON.stringify(event)), d.all)).toEqual({ status: 200, body: recorded });
    expect(d.record).toHaveBeenCalledOnce();
    expect(d.record.mock.calls[0]).toMatchObject([{ eventId: 'ev-1', callId: 'pbx-1', callerPhone: '0812 1111 2222' }]);
  });

  it('passes on that the number is blocked, so the PBX may play its message (and still queue the call)', async () => {
    const blocked = { ...recorded, blocked: true, blocked_until: '2026-12-03T03:00:00+00:00' };
    const d = deps({ ok: true, data: blocked });
    expect(await handleTelephonyEventRequest(signed(JSON.stringify(event)), d.all)).toEqual({ status: 200, body: blocked });
  });

  it('does not exist without a configured secret', async () => {
    const d = deps(undefined, { secret: '  ' });
    expect((await handleTelephonyEventRequest(signed(JSON.stringify(event)), d.all)).status).toBe(404);
    expect(d.record).not.toHaveBeenCalled();
  });

  it('answers 401 and records nothing for a bad, missing or replayed signature', async () => {
    const body = JSON.stringify(event);
    const cases = [
      signed(body, { key: 'guessed' }),
      signed(body, { at: nowMs - 301_000 }),
      signed(body, { at: nowMs + 301_000 }),
      new Request('http://app/', { method: 'POST', body }),
    ];
    const tampered = signed(body);
    cases.push(new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: body.replace('pbx-1', 'pbx-2') }));
    for (const request of cases) {
      const d = deps();
      expect(await handleTelephonyEventRequest(request, d.all)).toEqual({ status: 401, body: { error: 'invalid_signature' } });
      expect(d.record).not.toHaveBeenCalled();
    }
  });

  it('answers 400 naming the field, 400 for broken JSON, 413 for a huge body; nothing recorded', async () => {
    const d = deps();
    expect(await handleTelephonyEventRequest(signed('{"event_id":'), d.all)).toEqual({ status: 400, body: { error: 'invalid_json' } });
    const bad = await handleTelephonyEventRequest(signed(JSON.stringify({ ...event, type: 'hold' })), d.all);
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_field', field: 'type' } });
    const huge = await handleTelephonyEventRequest(signed(JSON.stringify({ ...event, trunk: 'x'.repeat(20_000) })), d.all);
    expect(huge.status).toBe(413);
    expect(d.record).not.toHaveBeenCalled();
  });

  it('answers 409 when the event contradicts the call, 503 when the database cannot be reached', async () => {
    const conflict = deps({ ok: false, failure: { kind: 'workflow', code: 'invalid_state' } });
    expect(await handleTelephonyEventRequest(signed(JSON.stringify(event)), conflict.all)).toEqual({ status: 409, body: { error: 'invalid_state' } });
    const down = deps({ ok: false, failure: { kind: 'network', detail: 'fetch failed' } });
    expect(await handleTelephonyEventRequest(signed(JSON.stringify(event)), down.all)).toEqual({ status: 503, body: { error: 'unavailable' } });
    expect(down.logFailure).toHaveBeenCalledOnce();
    const keyWrong = deps({ ok: false, failure: { kind: 'other', status: 401, detail: 'Invalid API key' } });
    expect((await handleTelephonyEventRequest(signed(JSON.stringify(event)), keyWrong.all)).status).toBe(503);
  });
});
