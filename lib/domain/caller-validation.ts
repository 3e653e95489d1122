/**
 * The caller's number and name as classify_call stores them: checked before any step that sends
 * them, so the database never refuses the step for a typo in the number.
 */
import { z } from 'zod';
import { firstProblem, optionalText, type FormProblem } from './form-problems';
import { callerPhoneSchema } from './phone';

/** calls.caller_name check: 1 to 120 characters after trimming (empty is sent as none). */
export const CALLER_NAME_MAX = 120;

export const callerSchema = z.object({
  callerPhone: callerPhoneSchema,
  callerName: optionalText(CALLER_NAME_MAX, 'caller_name'),
});

export interface CallerFields {
  callerPhone: string | null;
  callerName: string | null;
}

export function validateCaller(input: { callerPhone: string; callerName: string }): { ok: true; value: CallerFields } | { ok: false; problem: FormProblem } {
  const result = callerSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: firstProblem(result.error.issues) };
}
