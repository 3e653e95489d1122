/**
 * The operator's call as a state machine, without React or I/O. A call goes
 * idle → started (key minted, start_call sent) → answered → classified → ended (reported, linked
 * or closed at the operator), one database step at a time. A start whose answer was lost stays
 * `started` and is retried with the same idempotency key; any failed step keeps the draft, so the
 * operator resends it. `Failure` is whatever the console shows for a failed step.
 */
import type { Tables } from '@/lib/supabase/database.types';
import { patchDraft, type CallDraft, type DraftPatch } from './call-draft';
import type { CallType } from './workflow';

type CallRow = Tables<'calls'>;

export interface CallOutcome {
  callType: CallType;
  ticketNo: string | null;
  /** Joined to an open incident instead of opening a ticket. */
  linked: boolean;
}

export type CallPhase =
  | { stage: 'idle' }
  /** `unanswered`: start_call's answer did not arrive; the operator may retry with the same key. */
  | { stage: 'started'; key: string; draft: CallDraft; unanswered: boolean }
  | { stage: 'answered' | 'classified'; key: string; draft: CallDraft; call: CallRow }
  /** `key`: the call just finished, whose live row may still show it open for a moment. */
  | { stage: 'ended'; key: string; outcome: CallOutcome };

export interface CallSession<Failure> {
  phase: CallPhase;
  /** A step is on its way to the database; the controls wait for it. */
  busy: boolean;
  /** Why the last step failed; cleared when the next step begins. */
  failure: Failure | null;
  /** The forms show their problems only once a submit was tried. */
  showProblems: boolean;
}

export type CallEvent<Failure> =
  | { type: 'call_started'; key: string; draft: CallDraft }
  | { type: 'step_began' }
  | { type: 'step_failed'; failure: Failure }
  | { type: 'step_ended' }
  /** The database's current row of the call (not ended: an ended one arrives as call_ended). */
  | { type: 'call_read'; call: CallRow }
  | { type: 'call_ended'; outcome: CallOutcome }
  | { type: 'draft_edited'; patch: DraftPatch }
  | { type: 'problems_shown' };

/** Ghost and prank calls end the moment they are classified; info waits for its note, emergency for its report. */
export const ENDED_BY_CLASSIFYING = ['ghost', 'prank'] as const satisfies readonly CallType[];

export function endsWhenClassified(callType: CallType): callType is (typeof ENDED_BY_CLASSIFYING)[number] {
  return (ENDED_BY_CLASSIFYING as readonly CallType[]).includes(callType);
}

/** A fresh console, or one continuing the call a reload interrupted. */
export function initialSession<Failure>(resumed: { key: string; draft: CallDraft } | null): CallSession<Failure> {
  const phase: CallPhase = resumed ? { stage: 'started', ...resumed, unanswered: false } : { stage: 'idle' };
  return { phase, busy: false, failure: null, showProblems: false };
}

function onCall(phase: CallPhase): phase is Extract<CallPhase, { draft: CallDraft }> {
  return phase.stage === 'started' || phase.stage === 'answered' || phase.stage === 'classified';
}

export function reduceCallSession<Failure>(session: CallSession<Failure>, event: CallEvent<Failure>): CallSession<Failure> {
  const { phase } = session;
  switch (event.type) {
    case 'call_started':
      if (onCall(phase)) return session;
      return { phase: { stage: 'started', key: event.key, draft: event.draft, unanswered: false }, busy: session.busy, failure: null, showProblems: false };
    case 'step_began':
      return {
        ...session,
        busy: true,
        failure: null,
        phase: phase.stage === 'started' ? { ...phase, unanswered: false } : phase,
      };
    case 'step_failed':
      return { ...session, failure: event.failure, phase: phase.stage === 'started' ? { ...phase, unanswered: true } : phase };
    case 'step_ended':
      return { ...session, busy: false };
    case 'call_read': {
      // A row of another call (an answer arriving after its call was wrapped up) changes nothing.
      if (!onCall(phase) || event.call.idempotency_key !== phase.key || event.call.ended_at !== null) return session;
      const stage = event.call.call_type === null ? 'answered' : 'classified';
      return { ...session, phase: { stage, key: phase.key, draft: phase.draft, call: event.call } };
    }
    case 'call_ended':
      if (!onCall(phase)) return session;
      return { ...session, phase: { stage: 'ended', key: phase.key, outcome: event.outcome }, showProblems: false };
    case 'draft_edited':
      if (!onCall(phase)) return session;
      return { ...session, phase: { ...phase, draft: patchDraft(phase.draft, event.patch) } };
    case 'problems_shown':
      return { ...session, showProblems: true };
  }
}

/** The call on screen, once the database has answered for it. */
export function activeCall(session: CallSession<unknown>): CallRow | null {
  const { phase } = session;
  return phase.stage === 'answered' || phase.stage === 'classified' ? phase.call : null;
}

/** Between "Panggilan baru" and the end of the call, answered or not. */
export function isOnCall(session: CallSession<unknown>): boolean {
  return onCall(session.phase);
}

export function activeDraft(session: CallSession<unknown>): CallDraft | null {
  return onCall(session.phase) ? session.phase.draft : null;
}

/** "Panggilan baru" works between calls only: one call at a time per console. */
export function canStartCall(session: CallSession<unknown>): boolean {
  return !session.busy && !onCall(session.phase);
}

export function canClassify(session: CallSession<unknown>): boolean {
  return !session.busy && activeCall(session) !== null;
}

/** The start of the call got no answer and nothing is running: offer to send it again. */
export function canRetryStart(session: CallSession<unknown>): boolean {
  return !session.busy && session.phase.stage === 'started' && session.phase.unanswered;
}
