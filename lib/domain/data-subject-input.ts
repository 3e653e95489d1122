/**
 * What the admin types on /admin/data-subject (issue #22), checked as the database will: the number
 * (the callers' phone form of lib/domain/phone.ts, at least 3 digits as data_subject_search wants),
 * a request (kind, requester 2–200 characters, details up to 2000) and an answer (3–4000). Problems
 * are the database's refusal codes, so one translated message serves the screen and the database.
 */
import { z } from 'zod';
import { Constants, type Database } from '@/lib/supabase/database.types';
import { normalisePhone } from './phone';
import type { WorkflowErrorCode } from './workflow-errors';

export type DataSubjectRequestKind = Database['public']['Enums']['data_subject_request_kind'];
export const DATA_SUBJECT_REQUEST_KINDS: readonly DataSubjectRequestKind[] = Constants.public.Enums.data_subject_request_kind;

export const REQUESTER_MAX = 200;
export const DETAILS_MAX = 2000;
export const ANSWER_MAX = 4000;

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
