/**
 * What the admin types into the account forms, checked before anything is sent (issue #13): the
 * same rules as the database functions (agency exactly for OPD liaisons, extension only for
 * operators) plus the password policy, so a bad form gets a clear message per field and changes
 * nothing. The database checks again; these checks only make the answer arrive sooner.
 */
import { z } from 'zod';
import { APP_ROLES, type AppRole } from './workflow';
import { passwordProblems, type PasswordProblem } from './password-policy';

export type AccountProblem =
  | 'required'
  | 'invalid_email'
  | 'agency_required'
  | 'agency_not_allowed'
  | 'invalid_extension'
  | 'extension_operator_only'
  | PasswordProblem;

const trimmed = z.string().trim();
const optionalId = trimmed.transform((v) => (v === '' ? null : v)).pipe(z.uuid({ message: 'required' }).nullable());
const optionalExtension = trimmed
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().regex(/^[0-9]{2,8}$/, { message: 'invalid_extension' }).nullable());

const profileFields = z
  .object({
    fullName: trimmed.min(1, { message: 'required' }).max(120, { message: 'required' }),
    role: z.enum(APP_ROLES, { message: 'required' }),
    agencyId: optionalId,
    extension: optionalExtension,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'opd' && v.agencyId === null) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'agency_required' });
    if (v.role !== 'opd' && v.agencyId !== null) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'agency_not_allowed' });
    if (v.role !== 'operator' && v.extension !== null) {
      ctx.addIssue({ code: 'custom', path: ['extension'], message: 'extension_operator_only' });
    }
  });

export interface ProfileInput {
  fullName: string;
  role: AppRole;
  agencyId: string | null;
  extension: string | null;
}

export interface NewAccountInput extends ProfileInput {
  email: string;
  /** null: the server generates one and shows it once. */
  password: string | null;
}

export type FieldProblems<F extends string> = Partial<Record<F, AccountProblem>>;

export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: FieldProblems<F> };

type ProfileField = keyof ProfileInput;
type NewAccountField = keyof NewAccountInput;

function firstProblems<F extends string>(issues: readonly z.core.$ZodIssue[]): FieldProblems<F> {
  const problems: FieldProblems<F> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (problems[field] === undefined) problems[field] = issue.message as AccountProblem;
  }
  return problems;
}

export function checkProfileInput(raw: Record<string, unknown>): Checked<ProfileInput, ProfileField> {
  const parsed = profileFields.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: firstProblems<ProfileField>(parsed.error.issues) };
}

const emailField = trimmed.toLowerCase().pipe(z.email({ message: 'invalid_email' }).max(255, { message: 'invalid_email' }));

/** `password` empty means "generate one". */
export function checkNewAccountInput(raw: Record<string, unknown>): Checked<NewAccountInput, NewAccountField> {
  const profile = checkProfileInput(raw);
  const email = emailField.safeParse(raw.email ?? '');
  const password = typeof raw.password === 'string' && raw.password !== '' ? raw.password : null;
  const problems: FieldProblems<NewAccountField> = profile.ok ? {} : { ...profile.problems };
  if (!email.success) problems.email = 'invalid_email';
  if (password !== null && email.success) {
    const [first] = passwordProblems(password, email.data);
    if (first) problems.password = first;
  }
  if (!profile.ok || Object.keys(problems).length > 0 || !email.success) return { ok: false, problems };
  return { ok: true, value: { ...profile.value, email: email.data, password } };
}

/** A new password for an existing account. */
export function checkNewPassword(password: string, email: string): PasswordProblem | undefined {
  return passwordProblems(password, email)[0];
}
