/**
 * The caller's number as the calls table accepts it (calls.caller_phone check): digits with an
 * optional leading +, spaces, dashes and brackets, 2 to 32 characters. Empty means unknown.
 */
import { z } from 'zod';
import type { FormProblem } from './form-problems';

export const CALLER_PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{1,31}$/;

export const callerPhoneSchema = z
  .string()
  .trim()
  .refine((value) => value === '' || CALLER_PHONE_PATTERN.test(value), { error: 'phone' satisfies FormProblem })
  .transform((value) => value || null);

export function normalisePhone(text: string): { ok: true; value: string | null } | { ok: false } {
  const result = callerPhoneSchema.safeParse(text);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}
