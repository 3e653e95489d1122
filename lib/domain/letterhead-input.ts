/**
 * The official report's letterhead as typed on /admin/letterhead: the same bounds the
 * letterhead_settings checks and set_letterhead enforce (one line each; government 1–120, agency
 * 1–160, address 1–200, phone ≤ 60, email ≤ 120, website ≤ 120, city 1–60, title 1–160, name ≤ 120
 * characters; NIP 18 digits), so a bad value is refused on the screen before any request. A problem
 * is the refusal code the database would answer, so one translated message serves both.
 */
import { z } from 'zod';

/** A Nomor Induk Pegawai: 18 digits 0–9 (birth date, appointment month, sex, serial). */
export const NIP_PATTERN = /^[0-9]{18}$/;

// One line: a line break or another control character would break the kop's layout.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const line = (min: number, max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((v) => v.trim())
    .pipe(z.string().min(min).max(max).refine((v) => !CONTROL.test(v)));

/** Blank means none (printed as a line to fill by hand, or left out). */
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .max(1000)
    .transform((v) => v.trim())
    .pipe(z.union([z.literal('').transform(() => null), schema]));

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const letterheadSchema = z.object({
  governmentName: line(1, 120),
  agencyName: line(1, 160),
  addressLine: line(1, 200),
  phone: optional(line(1, 60)),
  email: optional(line(3, 120).refine((v) => EMAIL.test(v))),
  website: optional(line(3, 120).refine((v) => !/\s/.test(v))),
  city: line(1, 60),
  signatoryTitle: line(1, 160),
  signatoryName: optional(line(1, 120)),
  signatoryNip: optional(z.string().regex(NIP_PATTERN)),
});

export type LetterheadDraft = z.input<typeof letterheadSchema>;
export type LetterheadValues = z.output<typeof letterheadSchema>;
export type LetterheadField = keyof LetterheadDraft;

export const LETTERHEAD_FIELDS: readonly LetterheadField[] = [
  'governmentName',
  'agencyName',
  'addressLine',
  'phone',
  'email',
  'website',
  'city',
  'signatoryTitle',
  'signatoryName',
  'signatoryNip',
];

export type LetterheadProblem = 'invalid_letterhead' | 'invalid_nip';

export type LetterheadParse =
  | { ok: true; value: LetterheadValues }
  | { ok: false; problems: Partial<Record<LetterheadField, LetterheadProblem>> };

function isField(value: unknown): value is LetterheadField {
  return LETTERHEAD_FIELDS.some((f) => f === value);
}

export function parseLetterhead(draft: LetterheadDraft): LetterheadParse {
  const result = letterheadSchema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const problems: Partial<Record<LetterheadField, LetterheadProblem>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isField(field)) problems[field] = field === 'signatoryNip' ? 'invalid_nip' : 'invalid_letterhead';
  }
  return { ok: false, problems };
}

/** The letterhead as the form starts from it: none becomes an empty field. */
export function letterheadDraft(values: { [K in LetterheadField]: string | null }): LetterheadDraft {
  const v = (field: LetterheadField) => values[field] ?? '';
  return {
    governmentName: v('governmentName'),
    agencyName: v('agencyName'),
    addressLine: v('addressLine'),
    phone: v('phone'),
    email: v('email'),
    website: v('website'),
    city: v('city'),
    signatoryTitle: v('signatoryTitle'),
    signatoryName: v('signatoryName'),
    signatoryNip: v('signatoryNip'),
  };
}
