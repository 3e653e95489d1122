/**
 * The liaison's answers on dispatch accuracy (issue #18 §5), given with the field report: was the
 * agency needed, and should another agency have been sent. Pure: the form's draft, what it sends,
 * and the check of a stored outbox step. The database (answer_dispatch_feedback) checks them again.
 *
 * Answering is not required to complete: a liaison in the field must never be kept from reporting
 * back; an unanswered completion simply does not count in the accuracy statistics.
 */

/** What the liaison answered, as sent to answer_dispatch_feedback. */
export interface DispatchFeedback {
  needed: boolean;
  /** Agencies that should also have been sent; empty for none. */
  missingAgencyIds: string[];
}

export interface FeedbackDraft {
  needed: 'yes' | 'no' | null;
  missing: 'none' | 'some';
  chosen: readonly string[];
}

export const EMPTY_FEEDBACK_DRAFT: FeedbackDraft = { needed: null, missing: 'none', chosen: [] };

/** The database's bound on named agencies. */
export const MISSING_AGENCIES_MAX = 20;

export type FeedbackProblem = 'needed_required' | 'missing_required';

export type FeedbackReading = { ok: true; feedback: DispatchFeedback | null } | { ok: false; problem: FeedbackProblem };

/**
 * The answers to send: null when the liaison left the questions alone; a problem when they began
 * answering but left it half done (agencies said to be missing without naming one, or named without
 * saying whether their own agency was needed).
 */
export function readFeedback(draft: FeedbackDraft, offered: readonly string[]): FeedbackReading {
  const chosen = [...new Set(draft.chosen.filter((id) => offered.includes(id)))].slice(0, MISSING_AGENCIES_MAX);
  if (draft.missing === 'some' && chosen.length === 0) return { ok: false, problem: 'missing_required' };
  if (draft.needed === null) return draft.missing === 'some' ? { ok: false, problem: 'needed_required' } : { ok: true, feedback: null };
  return { ok: true, feedback: { needed: draft.needed === 'yes', missingAgencyIds: draft.missing === 'some' ? chosen : [] } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored outbox step's answers as read back from local storage. */
export function isDispatchFeedback(value: unknown): value is DispatchFeedback {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.needed === 'boolean' &&
    Array.isArray(v.missingAgencyIds) &&
    v.missingAgencyIds.length <= MISSING_AGENCIES_MAX &&
    v.missingAgencyIds.every((id) => typeof id === 'string' && UUID.test(id))
  );
}

/** The agencies a liaison may name as missing: every other agency not already sent to the incident. */
export function missingCandidates<A extends { id: string }>(agencies: readonly A[], ownAgencyId: string, sentAgencyIds: readonly string[]): A[] {
  return agencies.filter((a) => a.id !== ownAgencyId && !sentAgencyIds.includes(a.id));
}
