/** An information call ends with the answer given: required, and calls.notes keeps at most 2000 characters. */
import { firstProblem, requiredText, type FormProblem } from './form-problems';

export const INFO_NOTE_MAX = 2000;

export const infoNoteSchema = requiredText(INFO_NOTE_MAX);

export function validateInfoNote(note: string): { ok: true; value: string } | { ok: false; problem: FormProblem } {
  const result = infoNoteSchema.safeParse(note);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: firstProblem(result.error.issues) };
}
