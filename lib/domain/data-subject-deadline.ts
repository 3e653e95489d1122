/**
 * The answer period the law sets for a data-subject request, where it sets one (issue #22). UU PDP
 * 27/2022 Art. 32(2): access to one's data is given at the latest 3 × 24 hours after the controller
 * receives the request. Only that period is shown: for correction, erasure and objection the screen
 * names no deadline rather than guess one. The hour a letter arrived is not recorded, only its
 * day, so the 72 hours are counted from the start of that day (00:00 WIB): the deadline is the end
 * of the second day after it — never later than the law's.
 */
import type { DataSubjectRequestKind } from './data-subject-input';
import { endOfWibDay, wibToday } from './legal-hold-input';

const DAY_MS = 86_400_000;
const ACCESS_PERIOD_DAYS = 3;

export interface AnswerDeadline {
  /** The last WIB day (YYYY-MM-DD) of the period. */
  lastDay: string;
  /** The period's end as an ISO instant (23:59:59 WIB of lastDay). */
  endsAt: string;
}

/** The deadline of a request of `kind` received on `receivedOn` (YYYY-MM-DD), or null where the law sets none here. */
export function answerDeadline(kind: DataSubjectRequestKind, receivedOn: string): AnswerDeadline | null {
  if (kind !== 'access') return null;
  const endOfReceivedDay = endOfWibDay(receivedOn);
  if (endOfReceivedDay === null) return null;
  const endsAt = new Date(Date.parse(endOfReceivedDay) + (ACCESS_PERIOD_DAYS - 1) * DAY_MS).toISOString();
  return { lastDay: wibToday(Date.parse(endsAt)), endsAt };
}

/** Whether an unanswered request is past its deadline at `nowMs`. */
export function isOverdue(deadline: AnswerDeadline | null, answeredAt: string | null, nowMs: number): boolean {
  return deadline !== null && answeredAt === null && nowMs > Date.parse(deadline.endsAt);
}
