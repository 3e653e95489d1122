/**
 * What the admin types on /admin/data-subject (issue #22), checked as the database will: the number
 * (the callers' phone form of lib/domain/phone.ts, at least 3 digits as data_subject_search wants),
 * a request (kind, requester 2–200 characters, details up to 2000, the WIB day it was received:
 * from one year ago to today) and an answer (3–4000). Problems are the database's refusal codes, so
 * one translated message serves the screen and the database.
 */
import { z } from 'zod';
import { Constants, type Database } from '@/lib/supabase/database.types';
import { normalisePhone } from './phone';
import { endOfWibDay, wibToday } from './legal-hold-input';
import type { WorkflowErrorCode } from './workflow-errors';

export type DataSubjectRequestKind = Database['public']['Enums']['data_subject_request_kind'];
export const DATA_SUBJECT_REQUEST_KINDS: readonly DataSubjectRequestKind[] = Constants.public.Enums.data_subject_request_kind;

export const REQUESTER_MAX = 200;
export const DETAILS_MAX = 2000;
export const ANSWER_MAX = 4000;
/**
 * Most rows (all sections together) a search or export may hold: private.data_subject_row_limit()
 * of 20261208080000_data_subject_search_limit.sql, which refuses more before logging the read.
 */
export const DATA_SUBJECT_ROW_LIMIT = 10_000;

/** The number as typed (trimmed), or `invalid_phone`: empty, not a phone, or fewer than 3 digits. */
export function parseSubjectPhone(text: string): { ok: true; value: string } | { ok: false; problem: 'invalid_phone' } {
  const phone = normalisePhone(text.slice(0, 64));
  if (!phone.ok || phone.value === null || phone.value.replace(/[^0-9]/g, '').length < 3) return { ok: false, problem: 'invalid_phone' };
  return { ok: true, value: phone.value };
}

const requestSchema = z.object({
  kind: z.enum(Constants.public.Enums.data_subject_request_kind),
  requester: z.string().trim().min(2).max(REQUESTER_MAX),
  details: z
    .string()
    .trim()
    .max(DETAILS_MAX)
    .transform((v) => v || null),
});

export type DataSubjectRequestValues = z.output<typeof requestSchema>;

export function parseDataSubjectRequest(input: { kind: string; requester: string; details: string }):
  | { ok: true; value: DataSubjectRequestValues }
  | { ok: false; problem: Extract<WorkflowErrorCode, 'invalid_request'> } {
  const result = requestSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: 'invalid_request' };
}

export function parseDataSubjectAnswer(text: string): { ok: true; value: string } | { ok: false; problem: Extract<WorkflowErrorCode, 'invalid_answer'> } {
  const value = text.trim();
  return value.length >= 3 && value.length <= ANSWER_MAX ? { ok: true, value } : { ok: false, problem: 'invalid_answer' };
}

export type ReceivedOnProblem = Extract<WorkflowErrorCode, 'received_in_future' | 'received_too_old'> | 'received_missing';

/**
 * The same calendar day one year earlier, as Postgres computes `day - interval '1 year'`: 29 February
 * becomes 28 February.
 */
export function oneYearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/**
 * The day (YYYY-MM-DD) the request reached the center, pre-checked for a quick message on the form:
 * record_data_subject_request (20261207080000_data_subject_received.sql) is the authority and refuses
 * the same days again with the same codes — not after today in WIB (`received_in_future`) and not
 * before the same day a year ago (`received_too_old`). No calendar day at all is `received_missing`.
 * Both sides are tested on one table of boundary cases (data-subject-input.test.ts reads the pgTAP's).
 */
export function parseReceivedOn(day: string, nowMs: number): { ok: true; value: string } | { ok: false; problem: ReceivedOnProblem } {
  const value = day.trim();
  if (endOfWibDay(value) === null) return { ok: false, problem: 'received_missing' };
  const today = wibToday(nowMs);
  if (value > today) return { ok: false, problem: 'received_in_future' };
  if (value < oneYearBefore(today)) return { ok: false, problem: 'received_too_old' };
  return { ok: true, value };
}
