/**
 * Reads and workflow calls of the operator console. Every write is one of the workflow functions
 * (start_call, answer_call, classify_call, end_call, report_incident, link_call_to_incident); the
 * steps that finish a call are written so that running them again after a lost answer or a second
 * click continues where the first run stopped instead of repeating it. Failures throw
 * OperatorActionError, which tells a workflow refusal from a dropped connection.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { workflowErrorCode, type WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import type { CallType } from '@/lib/domain/workflow';
import type { CallerHistoryRow } from '@/lib/domain/caller-history';
import type { ValidEmergency } from '@/lib/domain/emergency-validation';

type Client = SupabaseClient<Database>;
export type CallRow = Tables<'calls'>;
export type IncidentRow = Tables<'incidents'>;

export type OperatorErrorKind = 'workflow' | 'network' | 'server' | 'other';

export class OperatorActionError extends Error {
  constructor(
    message: string,
    readonly kind: OperatorErrorKind,
    readonly code?: WorkflowErrorCode,
  ) {
    super(message);
    this.name = 'OperatorActionError';
  }
}

interface ApiError {
  code?: string;
  message: string;
}

/** Turns a supabase-js error (status 0 = the request never got an answer) into an OperatorActionError. */
export function toOperatorError(error: ApiError, status: number, action: string): OperatorActionError {
  const code = workflowErrorCode(error);
  if (code) return new OperatorActionError(`${action}: ${code}`, 'workflow', code);
  if (status === 0) return new OperatorActionError(`${action}: no answer (${error.message})`, 'network');
  if (status >= 500) return new OperatorActionError(`${action}: server error ${status} (${error.message})`, 'server');
  return new OperatorActionError(`${action}: ${error.message}`, 'other');
}

interface Result<T> {
  data: T | null;
  error: ApiError | null;
  status: number;
}

function unwrap<T>(result: Result<T>, action: string): T {
  if (result.error) throw toOperatorError(result.error, result.status, action);
  if (result.data === null) throw new OperatorActionError(`${action}: empty answer`, 'other');
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// calls
// ---------------------------------------------------------------------------------------------

export async function readCall(client: Client, callId: string): Promise<CallRow> {
  return unwrap(await client.from('calls').select('*').eq('id', callId).single(), 'read call');
}

/**
 * Starts a call and answers it in one step: in manual intake the operator presses "Panggilan baru"
 * with the caller already on the line. Idempotent on the key: a reload or a second press with the
 * same key returns the same call, answered once.
 */
export async function startAndAnswerCall(client: Client, idempotencyKey: string): Promise<CallRow> {
  const started = unwrap(await client.rpc('start_call', { p_idempotency_key: idempotencyKey }), 'start call');
  if (started.answered_at !== null || started.ended_at !== null) return started;
  const answered = await client.rpc('answer_call', { p_call_id: started.id, p_expected_version: started.version });
  if (answered.error && workflowErrorCode(answered.error) === 'invalid_state') {
    // The first press answered it and its reply was lost: read what the database has.
    return readCall(client, started.id);
  }
  return unwrap(answered, 'answer call');
}

export interface CallerFields {
  callerPhone: string | null;
  callerName: string | null;
}

export async function classifyCall(
  client: Client,
  call: CallRow,
  callType: CallType,
  caller: CallerFields,
  notes?: string,
): Promise<CallRow> {
  return unwrap(
    await client.rpc('classify_call', {
      p_call_id: call.id,
      p_call_type: callType,
      p_expected_version: call.version,
      p_caller_phone: caller.callerPhone ?? undefined,
      p_caller_name: caller.callerName ?? undefined,
      p_notes: notes,
    }),
    'classify call',
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
export async function classifyOnce(client: Client, callId: string, callType: CallType, caller: CallerFields): Promise<CallRow> {
  const current = await readCall(client, callId);
  if (current.ended_at !== null || current.incident_id !== null) return current;
  if (current.call_type === callType && !callerChanged(current, caller)) return current;
  return classifyCall(client, current, callType, caller);
}

/** Ends the call unless it has ended already; reads the current version first, so a retry works. */
export async function endCallOnce(client: Client, callId: string, notes?: string): Promise<CallRow> {
  const current = await readCall(client, callId);
  if (current.ended_at !== null) return current;
  const ended = await client.rpc('end_call', { p_call_id: callId, p_expected_version: current.version, p_notes: notes });
  if (ended.error && ['stale_version', 'invalid_state'].includes(workflowErrorCode(ended.error) ?? '')) {
    // A parallel run of the same step got there first.
    const again = await readCall(client, callId);
    if (again.ended_at !== null) return again;
  }
  return unwrap(ended, 'end call');
}

/**
 * Ghost, prank and info calls end at the operator: classify (unless already classified so) and
 * end. Run again after a failure, it skips what the first run already did.
 */
export async function classifyAndEnd(
  client: Client,
  callId: string,
  callType: Exclude<CallType, 'emergency'>,
  caller: CallerFields,
  notes?: string,
): Promise<CallRow> {
  const current = await classifyOnce(client, callId, callType, caller);
  if (current.ended_at !== null) return current;
  return endCallOnce(client, callId, notes);
}

/** Reports the emergency (the database returns the existing incident if the call has one) and ends the call. */
export async function reportAndEnd(
  client: Client,
  callId: string,
  report: ValidEmergency,
  caller: CallerFields,
): Promise<{ incident: IncidentRow; call: CallRow }> {
  // The caller's number may have been typed after "Darurat" was pressed: save it while it still can be.
  await classifyOnce(client, callId, 'emergency', caller);
  const incident = unwrap(
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
    'report incident',
  );
  const call = await endCallOnce(client, callId);
  return { incident, call };
}

/** Joins a repeat caller's call to an open incident instead of opening a second ticket, and ends it. */
export async function linkAndEnd(
  client: Client,
  callId: string,
  incidentId: string,
  caller: CallerFields,
): Promise<{ incident: Pick<IncidentRow, 'id' | 'ticket_no'>; call: CallRow }> {
  await classifyOnce(client, callId, 'emergency', caller);
  unwrap(await client.rpc('link_call_to_incident', { p_call_id: callId, p_incident_id: incidentId }), 'link call');
  const call = await endCallOnce(client, callId);
  const incident = unwrap<Pick<IncidentRow, 'id' | 'ticket_no'>>(
    await client.from('incidents').select('id, ticket_no').eq('id', incidentId).single(),
    'read linked incident',
  );
  return { incident, call };
}

// ---------------------------------------------------------------------------------------------
// reads
// ---------------------------------------------------------------------------------------------

export async function readIncidentTicket(client: Client, incidentId: string): Promise<string | null> {
  const { data, error, status } = await client.from('incidents').select('ticket_no').eq('id', incidentId).maybeSingle();
  if (error) throw toOperatorError(error, status, 'read ticket');
  return data?.ticket_no ?? null;
}

/** Earlier calls of a number, per type, leaving out the call being taken. */
export async function readCallerHistory(
  client: Client,
  phone: string,
  excludeCallId: string | undefined,
  days = 30,
): Promise<CallerHistoryRow[]> {
  const rows = unwrap(
    await client.rpc('caller_call_history', { p_caller_phone: phone, p_days: days, p_exclude_call_id: excludeCallId }),
    'read caller history',
  );
  return rows.map((r) => ({ call_type: r.call_type, calls: Number(r.calls) }));
}

export async function readSlaTargets(client: Client): Promise<Array<Pick<Tables<'sla_targets'>, 'stage' | 'target_seconds'>>> {
  return unwrap(await client.from('sla_targets').select('stage, target_seconds'), 'read SLA targets');
}
