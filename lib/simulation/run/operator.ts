/**
 * One call, from the PBX's first ring to the operator's last click: signed webhook events for the
 * line, and the operator's own signed-in client for the console's steps (lib/data/operator-calls.ts,
 * the functions the console calls). A reported incident goes to the supervisors' queue.
 */
import { classifyAndEnd, classifyOnce, linkAndEnd, reportAndEnd } from '../../data/operator-calls';
import type { WriteResult } from '../../domain/write-failure';
import type { PlannedCall } from '../plan';
import { act, releasePerson, sleep, waitForPerson, type CallRecord, type IncidentRecord, type Person, type SimContext } from './context';
import { enqueueSupervisorTask } from './supervisor';
import { deliverTelephonyEvent } from './webhook';
import type { TelephonyEventBody } from '../../telephony/event-schema';

type LineEvent = Omit<TelephonyEventBody, 'event_id' | 'call_id' | 'at' | 'caller_number'>;

interface RecordedEvent {
  callId: string;
  operatorId: string | null;
}

function pbx(ctx: SimContext, call: PlannedCall, event: LineEvent): Promise<WriteResult<RecordedEvent>> {
  return act(ctx, `webhook ${event.type}`, async () => {
    const sent: TelephonyEventBody = {
      ...event,
      event_id: `${call.externalId}-${event.type}`,
      call_id: call.externalId,
      at: new Date().toISOString(),
      caller_number: call.callerNumber,
    };
    const answer = await deliverTelephonyEvent(ctx.options.appUrl, ctx.options.webhookSecret, sent, {
      signal: ctx.signal,
      onResend: () => ctx.metrics.resent(`webhook ${event.type}`),
      sleep,
    });
    const { body } = answer;
    if (answer.status !== 200 || typeof body.call_id !== 'string') {
      return { ok: false, failure: { kind: 'other', status: answer.status, detail: String(body.error ?? 'unexpected answer') } };
    }
    return { ok: true, data: { callId: body.call_id, operatorId: typeof body.operator_id === 'string' ? body.operator_id : null } };
  });
}

/** Marks how the call ended early; false, so a step can `return setOutcome(…)`. */
function setOutcome(record: CallRecord, outcome: CallRecord['outcome']): false {
  record.outcome = outcome;
  return false;
}

const callerOf = (call: PlannedCall) => ({ callerPhone: call.callerNumber, callerName: call.type === 'emergency' ? `Pelapor ${call.index + 1}` : null });

export async function playCall(ctx: SimContext, call: PlannedCall): Promise<void> {
  const record: CallRecord = {
    index: call.index,
    externalId: call.externalId,
    type: call.type,
    callId: null,
    operatorId: null,
    outcome: 'ringing',
    incidentId: null,
    linked: false,
  };
  ctx.calls.set(call.index, record);
  const rang = await pbx(ctx, call, { type: 'ringing' });
  if (!rang.ok) return void setOutcome(record, 'failed');
  record.callId = rang.data.callId;

  if (call.abandonAfterMs !== null) {
    if (!(await sleep(call.abandonAfterMs, ctx.signal))) return void setOutcome(record, 'unfinished');
    const abandoned = await pbx(ctx, call, { type: 'abandoned' });
    record.outcome = abandoned.ok ? 'abandoned' : 'failed';
    return;
  }
  if (!(await sleep(call.ringMs, ctx.signal))) return void setOutcome(record, 'unfinished');
  const { taken, entry } = waitForPerson(ctx.operatorDesk, call);
  const operator = await Promise.race([taken, ctx.stopped]);
  if (!operator) {
    // Stopped while waiting: if a desk took it in the same moment, give the desk back.
    if (!ctx.operatorDesk.withdraw(entry)) void taken.then((p) => releasePerson(ctx.operatorDesk, p));
    return void setOutcome(record, 'unfinished');
  }
  try {
    await talk(ctx, call, record, operator);
  } finally {
    releasePerson(ctx.operatorDesk, operator);
  }
}

async function talk(ctx: SimContext, call: PlannedCall, record: CallRecord, operator: Person): Promise<void> {
  const answered = await pbx(ctx, call, { type: 'answered', extension: operator.extension ?? undefined });
  if (!answered.ok) return void setOutcome(record, 'failed');
  if (answered.data.operatorId !== operator.userId) {
    ctx.metrics.error('webhook answered', `call not given to the operator at extension ${operator.extension}`);
    return void setOutcome(record, 'failed');
  }
  record.operatorId = operator.userId;
  record.outcome = 'talking';
  const callId = answered.data.callId;
  const client = operator.client;
  const caller = callerOf(call);

  if (call.type === 'ghost') {
    // Silence, then the line drops; the operator classifies it as ghost and closes the record.
    if (!(await sleep(call.ghostHangupMs ?? 0, ctx.signal))) return void setOutcome(record, 'unfinished');
    if (!(await pbx(ctx, call, { type: 'ended', ended_by: 'caller' })).ok) return void setOutcome(record, 'failed');
    if (!(await sleep(call.classifyMs - (call.ghostHangupMs ?? 0), ctx.signal))) return void setOutcome(record, 'unfinished');
    const ended = await act(ctx, 'classify+end (ghost)', () => classifyAndEnd(client, callId, 'ghost', { callerPhone: null, callerName: null }));
    record.outcome = ended.ok ? 'ended' : 'failed';
    return;
  }
  if (!(await sleep(call.classifyMs, ctx.signal))) return void setOutcome(record, 'unfinished');
  if (call.type === 'prank') {
    const ended = await act(ctx, 'classify+end (prank)', () => classifyAndEnd(client, callId, 'prank', caller));
    if (!ended.ok) return void setOutcome(record, 'failed');
  } else {
    const classified = await act(ctx, 'classify', () => classifyOnce(client, callId, call.type, caller));
    if (!classified.ok) return void setOutcome(record, 'failed');
    if (call.type === 'info') {
      if (!(await sleep(call.reportMs, ctx.signal))) return void setOutcome(record, 'unfinished');
      const ended = await act(ctx, 'end (info)', () => classifyAndEnd(client, callId, 'info', caller, call.infoNote ?? undefined));
      if (!ended.ok) return void setOutcome(record, 'failed');
    } else if (!(await reportEmergency(ctx, call, record, operator, callId))) {
      return;
    }
  }
  const lineEnded = await pbx(ctx, call, { type: 'ended', ended_by: 'operator' });
  record.outcome = lineEnded.ok ? 'ended' : 'failed';
}

/** The emergency form: the duplicate check, then a new report or, for a repeat caller, the link. */
async function reportEmergency(ctx: SimContext, call: PlannedCall, record: CallRecord, operator: Person, callId: string): Promise<boolean> {
  const emergency = call.emergency;
  if (!emergency) throw new Error(`call ${call.index} is an emergency without a plan`);
  const client = operator.client;
  const caller = callerOf(call);
  const { place } = emergency;
  const nearby = await act(ctx, 'nearby incidents', async () => {
    const { data, error, status } = await client.rpc('nearby_open_incidents', { p_lat: place.lat, p_lng: place.lng, p_category: emergency.category });
    if (error) return { ok: false, failure: { kind: 'other', status, detail: error.message } };
    return { ok: true, data: data ?? [] };
  });
  if (!nearby.ok) return setOutcome(record, 'failed');
  if (!(await sleep(call.reportMs, ctx.signal))) return setOutcome(record, 'unfinished');

  const target = emergency.repeatOf !== null ? nearby.data[0] : undefined;
  if (target) {
    // The incident may close between the check and the click: then this caller reports afresh.
    const linked = await act(ctx, 'link to incident', () => linkAndEnd(client, callId, target.id, caller), ['invalid_state']);
    if (linked.ok) {
      record.incidentId = target.id;
      record.linked = true;
      return true;
    }
    if (linked.failure.kind !== 'workflow' || linked.failure.code !== 'invalid_state') return setOutcome(record, 'failed');
  }
  const reported = await act(ctx, 'report incident', () =>
    reportAndEnd(
      client,
      callId,
      {
        category: emergency.category,
        priority: emergency.priority,
        description: emergency.description,
        address: place.address,
        kecamatan: place.kecamatan,
        kelurahan: place.kelurahan,
        lat: place.lat,
        lng: place.lng,
      },
      caller,
    ),
  );
  if (!reported.ok) return setOutcome(record, 'failed');
  const incident = reported.data.incident;
  record.incidentId = incident.id;
  const incidentRecord: IncidentRecord = { incidentId: incident.id, callIndex: call.index, agencyIds: [], assignmentIds: [], completed: 0, outcome: 'reported' };
  ctx.incidents.set(incident.id, incidentRecord);
  enqueueSupervisorTask(ctx, { kind: 'dispatch', incident: incidentRecord, plan: call });
  return true;
}
