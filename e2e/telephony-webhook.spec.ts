/**
 * The telephony webhook end to end: signed HTTP requests to the production build, recorded through
 * the service role into the embedded stack, checked in the database. Every refused request is
 * checked to have written nothing.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { postPbxEvent, type PbxEvent } from './support/telephony';
import { serviceRoleClient, stackUrl } from './support/stack';
import type { DemoDb } from './support/demo-clients';

let admin: DemoDb;

test.beforeAll(async () => {
  // The database is checked too: the webhook's answers alone could hide a write that should not have happened.
  admin = serviceRoleClient(await stackUrl());
});

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000).toISOString();

function event(type: PbxEvent['type'], callId: string, at: string, extra: Partial<PbxEvent> = {}): PbxEvent {
  return { event_id: randomUUID(), type, call_id: callId, at, caller_number: '+62 812 7000 1000', trunk: 'e2e-trunk', ...extra };
}

async function callRow(externalId: string) {
  const { data, error } = await admin
    .from('calls')
    .select('id, source, received_at, answered_at, ended_at, line_ended_at, line_ended_by, operator_id, caller_phone, version')
    .eq('external_id', externalId);
  if (error) throw new Error(error.message);
  return data;
}

async function eventCount(externalId: string): Promise<number> {
  const { count, error } = await admin.from('telephony_events').select('*', { count: 'exact', head: true }).eq('external_call_id', externalId);
  if (error) throw new Error(error.message);
  return count ?? 0;
}

test('refuses unsigned, wrongly signed, replayed and malformed requests and writes nothing', async ({ request }) => {
  const callId = `e2e-refused-${randomUUID()}`;
  const ringing = event('ringing', callId, secondsAgo(2));

  expect((await postPbxEvent(request, ringing, { secret: 'guessed' })).status()).toBe(401);
  expect((await postPbxEvent(request, ringing, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status()).toBe(401);
  const unsigned = await request.post('/api/telephony/events', { data: ringing });
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.json()).toEqual({ error: 'invalid_signature' });

  const badJson = await postPbxEvent(request, '{"event_id": ');
  expect(badJson.status()).toBe(400);
  const badField = await postPbxEvent(request, { ...ringing, type: 'hold' as PbxEvent['type'] });
  expect(badField.status()).toBe(400);
  expect(await badField.json()).toMatchObject({ error: 'invalid_field', field: 'type' });
  const huge = await postPbxEvent(request, { ...ringing, trunk: 'x'.repeat(20_000) });
  expect(huge.status()).toBe(413);

  expect(await callRow(callId)).toEqual([]);
  expect(await eventCount(callId)).toBe(0);
});

test('a call rung, answered at an operator extension, and ended by the caller, idempotent and in any order', async ({ request }) => {
  const callId = `e2e-call-${randomUUID()}`;
  const { data: operator } = await admin.from('profiles').select('id, extension').eq('role', 'operator').order('full_name').limit(1).single();
  expect(operator).not.toBeNull();
  // Give the operator a desk extension for this test (the admin console does this in real use).
  const extension = '7' + String(Math.floor(Math.random() * 9000) + 1000);
  await admin.from('profiles').update({ extension }).eq('id', operator!.id).throwOnError();

  try {
    const base = Date.now();
    const at = (secondsBefore: number) => new Date(base - secondsBefore * 1000).toISOString();
    // The answer arrives before the ringing (two PBX queues racing).
    const answered = event('answered', callId, at(20), { extension });
    const first = await postPbxEvent(request, answered);
    expect(first.status()).toBe(200);
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({ state: 'answered', operator_id: operator!.id });

    const repeat = await postPbxEvent(request, answered);
    expect(repeat.status()).toBe(200);
    expect(await repeat.json()).toEqual(firstBody);

    const ringing = await postPbxEvent(request, event('ringing', callId, at(28)));
    expect(ringing.status()).toBe(200);
    expect((await ringing.json()).call_id).toBe(firstBody.call_id);

    const reused = await postPbxEvent(request, { ...answered, at: at(19) });
    expect(reused.status()).toBe(409);

    const ended = await postPbxEvent(request, event('ended', callId, at(3), { ended_by: 'caller' }));
    expect(ended.status()).toBe(200);
    expect(await ended.json()).toMatchObject({ state: 'line_ended' });

    const rows = await callRow(callId);
    expect(rows).toHaveLength(1);
    const [call] = rows;
    expect(call).toMatchObject({ source: 'telephony', operator_id: operator!.id, caller_phone: '+62 812 7000 1000', line_ended_by: 'caller', ended_at: null });
    // The ringing and answer times are the PBX's (8 s apart), not when the requests arrived.
    expect(Date.parse(call.answered_at!) - Date.parse(call.received_at)).toBe(8_000);
    expect(Date.parse(call.line_ended_at!)).toBe(Date.parse(at(3)));
    expect(await eventCount(callId)).toBe(3);
  } finally {
    await admin.from('profiles').update({ extension: operator!.extension }).eq('id', operator!.id).throwOnError();
  }
});

test('an abandoned call ends unanswered; an answer after it is refused', async ({ request }) => {
  const callId = `e2e-abandoned-${randomUUID()}`;
  expect((await postPbxEvent(request, event('ringing', callId, secondsAgo(15)))).status()).toBe(200);
  const abandoned = await postPbxEvent(request, event('abandoned', callId, secondsAgo(5)));
  expect(abandoned.status()).toBe(200);
  // Not a blocked number: the PBX is told so on every answer.
  expect(await abandoned.json()).toMatchObject({ state: 'abandoned', operator_id: null, blocked: false, blocked_until: null });
  expect((await postPbxEvent(request, event('answered', callId, secondsAgo(4), { extension: '101' }))).status()).toBe(409);

  const [call] = await callRow(callId);
  expect(call.answered_at).toBeNull();
  expect(call.ended_at).not.toBeNull();
  expect(await eventCount(callId)).toBe(2);
});
