/**
 * A legal hold as typed on /admin/legal-holds and the incident's hold panel (issue #22): the reason
 * (3–500 characters, as place_legal_hold and lift_legal_hold require) and the last WIB day the
 * hold lasts, which becomes the end of that day (23:59:59 WIB). The day must be after today and at
 * most five years away, so the database's invalid_expiry is never the first to say so. A problem is
 * the database's refusal code, so one translated message serves both.
 */
import { z } from 'zod';
import type { WorkflowErrorCode } from './workflow-errors';

export const HOLD_REASON_MIN = 3;
export const HOLD_REASON_MAX = 500;
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Five years of the database's `interval '5 years'`, less a day so leap years never decide. */
const MAX_DAYS_AHEAD = 5 * 365;

export const TICKET_PATTERN = /^112-\d{8}-\d{4,8}$/;

const reasonSchema = z.string().trim().min(HOLD_REASON_MIN).max(HOLD_REASON_MAX);

export type HoldProblem = Extract<WorkflowErrorCode, 'reason_required' | 'invalid_expiry' | 'invalid_ticket'>;

/** Today's date in WIB as YYYY-MM-DD. */
export function wibToday(nowMs: number): string {
  return new Date(nowMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The end (23:59:59 WIB) of a YYYY-MM-DD day as an ISO instant, or null when it is no calendar day. */
export function endOfWibDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = Date.parse(`${day}T00:00:00+07:00`);
  if (Number.isNaN(start) || new Date(start + WIB_OFFSET_MS).toISOString().slice(0, 10) !== day) return null;
  return new Date(start + DAY_MS - 1000).toISOString();
}

export function parseHoldReason(text: string): { ok: true; value: string } | { ok: false; problem: HoldProblem } {
  const result = reasonSchema.safeParse(text);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: 'reason_required' };
}

export function parseHoldExpiry(day: string, nowMs: number): { ok: true; value: string } | { ok: false; problem: HoldProblem } {
  const end = endOfWibDay(day.trim());
  if (!end) return { ok: false, problem: 'invalid_expiry' };
  const endMs = Date.parse(end);
  if (endMs <= nowMs || day.trim() <= wibToday(nowMs) || endMs > nowMs + MAX_DAYS_AHEAD * DAY_MS) return { ok: false, problem: 'invalid_expiry' };
  return { ok: true, value: end };
}

export function parseTicket(text: string): { ok: true; value: string } | { ok: false; problem: HoldProblem } {
  const value = text.trim();
  return TICKET_PATTERN.test(value) ? { ok: true, value } : { ok: false, problem: 'invalid_ticket' };
}

export interface PlaceHoldValues {
  reason: string;
  expiresAt: string;
}

export function parsePlaceHold(input: { reason: string; expiresOn: string }, nowMs: number):
  | { ok: true; value: PlaceHoldValues }
  | { ok: false; problems: Partial<Record<'reason' | 'expiresOn', HoldProblem>> } {
  const reason = parseHoldReason(input.reason);
  const expiry = parseHoldExpiry(input.expiresOn, nowMs);
  if (reason.ok && expiry.ok) return { ok: true, value: { reason: reason.value, expiresAt: expiry.value } };
  return {
    ok: false,
    problems: { ...(reason.ok ? {} : { reason: reason.problem }), ...(expiry.ok ? {} : { expiresOn: expiry.problem }) },
  };
}
