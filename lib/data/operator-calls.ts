/**
 * Reads and workflow calls of the operator console. Every write is one of the workflow functions
 * (start_call, answer_call, classify_call, end_call, report_incident, link_call_to_incident) and
 * answers a WriteResult; the steps that finish a call are written so that running them again after
 * a lost answer or a second click continues where the first run stopped instead of repeating it.
 * The row reads inside those steps (the call's current version, the joined ticket) answer as part
 * of the step: a lost answer there is the step's lost answer, and the console resends the whole step.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { CallerFields } from '@/lib/domain/caller-validation';
import type { CallerHistoryRow } from '@/lib/domain/caller-history';
import type { ValidEmergency } from '@/lib/domain/emergency-validation';
import type { CallType } from '@/lib/domain/workflow';
import type { Db } from './db';
import { readData, readFailed } from './read';
import { toWriteResult } from './write-result';
import { isRefusal, type WriteResult } from '../domain/write-failure';

export type CallRow = Tables<'calls'>;
export type IncidentRow = Tables<'incidents'>;

// ---------------------------------------------------------------------------------------------
// calls
// ---------------------------------------------------------------------------------------------

async function currentCall(client: Db, callId: string): Promise<WriteResult<CallRow>> {
  return toWriteResult(await client.from('calls').select('*').eq('id', callId).single());
}

/**
 * Starts a call and answers it in one step: in manual intake the operator presses "Panggilan baru"
 * with the caller already on the line. Idempotent on the key: a reload or a second press with the
 * same key returns the same call, answered once.
 */
export async function startAndAnswerCall(client: Db, idempotencyKey: string): Promise<WriteResult<CallRow>> {
  const started = toWriteResult(await client.rpc('start_call', { p_idempotency_key: idempotencyKey }));
  if (!started.ok) return started;
  if (started.data.answered_at !== null || started.data.ended_at !== null) return started;
  const answered = toWriteResult(await client.rpc('answer_call', { p_call_id: started.data.id, p_expected_version: started.data.version }));
  if (!answered.ok && isRefusal(answered.failure, 'invalid_state')) {
    // The first press answered it and its reply was lost: read what the database has.
    return currentCall(client, started.data.id);
  }
  return answered;
}

export async function classifyCall(
  client: Db,
  call: CallRow,
  callType: CallType,
  caller: CallerFields,
  notes?: string,
): Promise<WriteResult<CallRow>> {
  return toWriteResult(
    await client.rpc('classify_call', {
      p_call_id: call.id,
      p_call_type: callType,
      p_expected_version: call.version,
      p_caller_phone: caller.callerPhone ?? undefined,
      p_caller_name: caller.callerName ?? undefined,
      p_notes: notes,
    }),
  );
}

function callerChanged(call: CallRow, caller: CallerFields): boolean {
  return (
    (caller.callerPhone !== null && caller.callerPhone !== call.caller_phone) ||
    (caller.callerName !== null && caller.callerName !== call.caller_name)
  );
}

/**
 * Classifies from the call's current state: nothing to do when it already has that type and the
 * caller's data, so a repeated click or a retry after a lost answer changes nothing.
 */
export async function classifyOnce(client: Db, callId: string, callType: CallType, caller: CallerFields): Promise<WriteResult<CallRow>> {
  const current = await currentCall(client, callId);
  if (!current.ok) return current;
  if (current.data.ended_at !== null || current.data.incident_id !== null) return current;
  if (current.data.call_type === callType && !callerChanged(current.data, caller)) return current;
  return classifyCall(client, current.data, callType, caller);
}

/** Ends the call unless it has ended already; reads the current version first, so a retry works. */
export async function endCallOnce(client: Db, callId: string, notes?: string): Promise<WriteResult<CallRow>> {
  const current = await currentCall(client, callId);
  if (!current.ok) return current;
  if (current.data.ended_at !== null) return current;
  const ended = toWriteResult(await client.rpc('end_call', { p_call_id: callId, p_expected_version: current.data.version, p_notes: notes }));
  if (!ended.ok && (isRefusal(ended.failure, 'stale_version') || isRefusal(ended.failure, 'invalid_state'))) {
    // A parallel run of the same step got there first.
    const again = await currentCall(client, callId);
    if (!again.ok) return again;
    if (again.data.ended_at !== null) return again;
  }
  return ended;
}

/**
 * Ghost, prank and info calls end at the operator: classify (unless already classified so) and
 * end. Run again after a failure, it skips what the first run already did.
 */
export async function classifyAndEnd(
  client: Db,
  callId: string,
  callType: Exclude<CallType, 'emergency'>,
  caller: CallerFields,
  notes?: string,
): Promise<WriteResult<CallRow>> {
  const current = await classifyOnce(client, callId, callType, caller);
  if (!current.ok) return current;
  if (current.data.ended_at !== null) return current;
  return endCallOnce(client, callId, notes);
}

/** Reports the emergency (the database returns the existing incident if the call has one) and ends the call. */
export async function reportAndEnd(
  client: Db,
  callId: string,
  report: ValidEmergency,
  caller: CallerFields,
): Promise<WriteResult<{ incident: IncidentRow; call: CallRow }>> {
  // The caller's number may have been typed after "Darurat" was pressed: save it while it still can be.
  const classified = await classifyOnce(client, callId, 'emergency', caller);
  if (!classified.ok) return classified;
  const incident = toWriteResult(
    await client.rpc('report_incident', {
      p_call_id: callId,
      p_category: report.category,
      p_description: report.description,
      p_lat: report.lat,
      p_lng: report.lng,
      p_priority: report.priority,
      p_address: report.address ?? undefined,
      p_kecamatan: report.kecamatan ?? undefined,
      p_kelurahan: report.kelurahan ?? undefined,
    }),
  );
  if (!incident.ok) return incident;
  const call = await endCallOnce(client, callId);
  if (!call.ok) return call;
  return { ok: true, data: { incident: incident.data, call: call.data } };
}

/**
 * Joins a repeat caller's call to an open incident instead of opening a second ticket, and ends it.
 * The caller already holds the incident (its ticket number on screen): reading it again could fail
 * for a call that did link and end, when a supervisor closed the incident in between.
 */
export async function linkAndEnd(
  client: Db,
  callId: string,
  incidentId: string,
  caller: CallerFields,
): Promise<WriteResult<CallRow>> {
  const classified = await classifyOnce(client, callId, 'emergency', caller);
  if (!classified.ok) return classified;
  const linked = toWriteResult(await client.rpc('link_call_to_incident', { p_call_id: callId, p_incident_id: incidentId }));
  if (!linked.ok) return linked;
  return endCallOnce(client, callId);
}

// ---------------------------------------------------------------------------------------------
// reads
// ---------------------------------------------------------------------------------------------

/** The ticket number of an incident, null when the operator may no longer see it. */
export async function readIncidentTicket(client: Db, incidentId: string): Promise<string | null> {
  const { data, error } = await client.from('incidents').select('ticket_no').eq('id', incidentId).maybeSingle();
  if (error) readFailed('ticket number', error);
  return data?.ticket_no ?? null;
}

/** Earlier calls of a number, per type, leaving out the call being taken. */
export async function readCallerHistory(
  client: Db,
  phone: string,
  excludeCallId: string | undefined,
  days = 30,
): Promise<CallerHistoryRow[]> {
  const rows = readData(
    'caller history',
    await client.rpc('caller_call_history', { p_caller_phone: phone, p_days: days, p_exclude_call_id: excludeCallId }),
  );
  return rows.map((r) => ({ call_type: r.call_type, calls: Number(r.calls) }));
}
