/**
 * What can be wrong with a field of the operator's forms, as stable codes: the zod schemas of the
 * forms (emergency-validation.ts, info-note-validation.ts, caller-validation.ts) put a code in each
 * issue's message instead of text, and the screen shows the dictionary message `operator.problem.<code>`.
 */
import { z } from 'zod';

export const FORM_PROBLEMS = [
  'required',
  'invalid',
  'out_of_area',
  'too_long',
  'wrong_kecamatan',
  'phone',
  'caller_name',
] as const;

export type FormProblem = (typeof FORM_PROBLEMS)[number];

const PROBLEMS: ReadonlySet<string> = new Set(FORM_PROBLEMS);

export function isFormProblem(value: unknown): value is FormProblem {
  return typeof value === 'string' && PROBLEMS.has(value);
}

/** The dictionary key of a problem's message. */
export function problemKey(problem: FormProblem): `operator.problem.${FormProblem}` {
  return `operator.problem.${problem}`;
}

/** An issue whose message is not one of our codes came from zod itself (a wrong type): "invalid". */
function problemOf(issue: z.core.$ZodIssue): FormProblem {
  return isFormProblem(issue.message) ? issue.message : 'invalid';
}

/** The first problem of each named field, in the order the schema checks them. */
export function problemsByField<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly F[],
): Partial<Record<F, FormProblem>> {
  const problems: Partial<Record<F, FormProblem>> = {};
  for (const issue of issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field !== undefined && problems[field] === undefined) problems[field] = problemOf(issue);
  }
  return problems;
}

/** The first problem of a single-value schema. */
export function firstProblem(issues: readonly z.core.$ZodIssue[]): FormProblem {
  return issues.length > 0 ? problemOf(issues[0]) : 'invalid';
}

/** Text the database keeps trimmed: required, at most `max` characters after trimming. */
export function requiredText(max: number) {
  return z.string().trim().min(1, { error: 'required' satisfies FormProblem }).max(max, { error: 'too_long' satisfies FormProblem });
}

/** Optional trimmed text, at most `max` characters; empty becomes null (the database's nullif(btrim(…), '')). */
export function optionalText(max: number, tooLong: FormProblem = 'too_long') {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((value) => value || null);
}
