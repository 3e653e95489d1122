/**
 * Whether an operator's console is free for the next 112 call, and which call the PBX has just given
 * it (issue #16 §2), without React or I/O. "Free" means no call of the operator's own is open on the
 * console: none being taken, and none answered at their extension still waiting to be opened. A
 * free console shows the ringing calls; a call answered at the operator's extension opens on it as
 * the current call, once the console is free.
 */
import type { Enums } from '@/lib/supabase/database.types';
import { isOnCall, type CallSession } from './call-session';
import { STALE_RINGING_MS } from './ringing-calls';

/** The operator's own calls, as the console's live shift list has them. */
export interface OwnCallRow {
  idempotency_key: string;
  source: Enums<'call_source'>;
  received_at: string;
  answered_at: string | null;
  classified_at: null | string;
  ended_at: string | null;
}

/**
 * Telephony calls answered at this operator's extension and not yet classified, oldest answer first.
 * `justFinished` is the call the console has just ended: its live row may lag behind for a moment.
 */
function pendingAnswered<Row extends OwnCallRow>(calls: readonly Row[], nowMs: number, justFinished: string | null): Row[] {
  return calls
    .filter(
      (c) =>
        c.source === 'telephony' &&
        c.answered_at !== null &&
        c.classified_at === null &&
        c.ended_at === null &&
        c.idempotency_key !== justFinished &&
        nowMs - Date.parse(c.received_at) < STALE_RINGING_MS,
    )
    .sort((a, b) => Date.parse(a.answered_at ?? '') - Date.parse(b.answered_at ?? ''));
}

function justFinished(session: CallSession<unknown>): string | null {
  return session.phase.stage === 'ended' ? session.phase.key : null;
}

/** The call to open now as the console's current call, or null (on a call, a step running, nothing answered). */
export function answeredCallToOpen<Row extends OwnCallRow>(session: CallSession<unknown>, ownCalls: readonly Row[], nowMs: number): Row | null {
  if (session.busy || isOnCall(session)) return null;
  return pendingAnswered(ownCalls, nowMs, justFinished(session))[0] ?? null;
}

/** No call of the operator's own is open or about to open: the console shows the ringing calls. */
export function isConsoleFree(session: CallSession<unknown>, ownCalls: readonly OwnCallRow[], nowMs: number): boolean {
  return !isOnCall(session) && pendingAnswered(ownCalls, nowMs, justFinished(session)).length === 0;
}
