'use client';
/**
 * The console's call: the state machine of lib/domain/call-session.ts driven by the workflow steps
 * of lib/data/operator-calls.ts. One step runs at a time; the open call's key and draft live in
 * sessionStorage (call-storage.ts), so a reload, a double click or a dropped connection continues
 * the same call and never makes a second ticket.
 */
import { useEffect, useEffectEvent, useReducer, useRef } from 'react';
import { newCallKey } from '@/lib/domain/call-key';
import { emptyDraft, type DraftPatch } from '@/lib/domain/call-draft';
import {
  activeCall,
  activeDraft,
  canStartCall,
  endsWhenClassified,
  initialSession,
  reduceCallSession,
  type CallOutcome,
  type CallSession,
} from '@/lib/domain/call-session';
import { validateCaller } from '@/lib/domain/caller-validation';
import { validateEmergency } from '@/lib/domain/emergency-validation';
import { validateInfoNote } from '@/lib/domain/info-note-validation';
import type { CallType } from '@/lib/domain/workflow';
import type { Db } from '@/lib/data/db';
import {
  classifyAndEnd,
  classifyOnce,
  linkAndEnd,
  readIncidentTicket,
  reportAndEnd,
  startAndAnswerCall,
  type CallRow,
} from '@/lib/data/operator-calls';
import type { WriteFailure } from '@/lib/domain/write-failure';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';
import { forgetCall, loadOpenCall, rememberOpenCall, saveDraft } from './call-storage';
import type { ConsoleFailure } from './console-failure';

export interface OperatorCall {
  session: CallSession<ConsoleFailure>;
  newCall: () => void;
  /**
   * Continues a call the database already started and answered for this operator under `key`: one
   * the PBX answered at their extension, or a call-back that reached an emergency.
   */
  continueCall: (key: string, callerPhone: string) => void;
  retryStart: () => void;
  classify: (callType: CallType) => void;
  submitInfo: () => void;
  submitEmergency: () => void;
  /** Joins the call to an open ticket: a nearby incident, or a major incident's ticket. */
  link: (incident: Pick<OperatorIncidentRow, 'id' | 'ticket_no'>) => void;
  editDraft: (patch: DraftPatch) => void;
}

export function useOperatorCall(client: Db): OperatorCall {
  // The console renders in the browser only, so the open call can be read from storage right here.
  const [session, dispatch] = useReducer(reduceCallSession<ConsoleFailure>, null, () => initialSession<ConsoleFailure>(loadOpenCall()));
  // Two events in one tick (a double click, a key held with a click) see the same render; the ref
  // lets only the first start a step.
  const running = useRef(false);
  const draft = activeDraft(session);
  const call = activeCall(session);

  useEffect(() => {
    if (draft) saveDraft(draft);
  }, [draft]);

  const fail = (failure: ConsoleFailure) => dispatch({ type: 'step_failed', failure });
  const failWrite = (failure: WriteFailure) => fail({ kind: 'write', failure });

  async function run(step: () => Promise<void>) {
    if (running.current) return;
    running.current = true;
    dispatch({ type: 'step_began' });
    try {
      await step();
    } catch {
      // Writes answer a WriteResult; what throws is a read (ReadError) outside a write step.
      fail({ kind: 'read' });
    } finally {
      running.current = false;
      dispatch({ type: 'step_ended' });
    }
  }

  function finish(key: string, outcome: CallOutcome) {
    forgetCall(key);
    dispatch({ type: 'call_ended', outcome });
  }

  /** Shows a call's current row; one that ended meanwhile (another tab, a supervisor) is wrapped up. */
  async function show(key: string, row: CallRow) {
    if (row.ended_at === null) {
      dispatch({ type: 'call_read', call: row });
      return;
    }
    const ticketNo = row.incident_id ? await readIncidentTicket(client, row.incident_id) : null;
    finish(key, { callType: row.call_type ?? 'ghost', ticketNo, linked: false });
  }

  function start(key: string) {
    void run(async () => {
      const started = await startAndAnswerCall(client, key);
      if (!started.ok) return failWrite(started.failure);
      await show(key, started.data);
    });
  }

  // A call left open by a reload or a crashed page continues with the same key.
  const resumeOpenCall = useEffectEvent(() => {
    if (session.phase.stage === 'started') start(session.phase.key);
  });
  useEffect(() => {
    resumeOpenCall();
  }, []);

  function newCall() {
    if (running.current || !canStartCall(session)) return;
    const key = newCallKey();
    rememberOpenCall(key);
    dispatch({ type: 'call_started', key, draft: emptyDraft(key) });
    start(key);
  }

  // start_call with the call's own key returns it as it is (answered, with the PBX's times when the
  // PBX answered it), so the operator goes straight to classification; a reload resumes it the same way.
  function continueCall(key: string, callerPhone: string) {
    if (running.current || !canStartCall(session)) return;
    rememberOpenCall(key);
    dispatch({ type: 'call_started', key, draft: { ...emptyDraft(key), callerPhone } });
    start(key);
  }

  function retryStart() {
    if (session.phase.stage === 'started') start(session.phase.key);
  }

  /** The caller's fields as classify_call takes them, or null after showing why they cannot be sent. */
  function callerFields() {
    if (!draft) return null;
    const caller = validateCaller(draft);
    if (caller.ok) return caller.value;
    fail({ kind: 'caller', problem: caller.problem });
    return null;
  }

  function classify(callType: CallType) {
    if (!call || !draft || running.current) return;
    const caller = callerFields();
    if (!caller) return;
    const { key } = draft;
    void run(async () => {
      if (endsWhenClassified(callType)) {
        const ended = await classifyAndEnd(client, call.id, callType, caller);
        if (!ended.ok) return failWrite(ended.failure);
        finish(key, { callType, ticketNo: null, linked: false });
      } else {
        const classified = await classifyOnce(client, call.id, callType, caller);
        if (!classified.ok) return failWrite(classified.failure);
        await show(key, classified.data);
      }
    });
  }

  function submitInfo() {
    if (!call || !draft || running.current) return;
    const note = validateInfoNote(draft.infoNote);
    if (!note.ok) return dispatch({ type: 'problems_shown' });
    const caller = callerFields();
    if (!caller) return;
    const { key } = draft;
    void run(async () => {
      const ended = await classifyAndEnd(client, call.id, 'info', caller, note.value);
      if (!ended.ok) return failWrite(ended.failure);
      finish(key, { callType: 'info', ticketNo: null, linked: false });
    });
  }

  function submitEmergency() {
    if (!call || !draft || running.current) return;
    const report = validateEmergency(draft.emergency);
    if (!report.ok) return dispatch({ type: 'problems_shown' });
    const caller = callerFields();
    if (!caller) return;
    const { key } = draft;
    void run(async () => {
      const reported = await reportAndEnd(client, call.id, report.value, caller);
      if (!reported.ok) return failWrite(reported.failure);
      finish(key, { callType: 'emergency', ticketNo: reported.data.incident.ticket_no, linked: false });
    });
  }

  function link(incident: Pick<OperatorIncidentRow, 'id' | 'ticket_no'>) {
    if (!call || !draft || running.current) return;
    const caller = callerFields();
    if (!caller) return;
    const { key } = draft;
    void run(async () => {
      const linked = await linkAndEnd(client, call.id, incident.id, caller);
      if (!linked.ok) return failWrite(linked.failure);
      finish(key, { callType: 'emergency', ticketNo: incident.ticket_no, linked: true });
    });
  }

  const editDraft = (patch: DraftPatch) => dispatch({ type: 'draft_edited', patch });

  return { session, newCall, continueCall, retryStart, classify, submitInfo, submitEmergency, link, editDraft };
}
