/**
 * The admin's agency and post forms checked with the rules the admin functions apply
 * (…_admin_config.sql: private.clean_agency, private.check_post), so a mistake shows before the
 * round trip. Each problem is the refusal code the database would answer, so one translated message
 * (`workflow.<code>`) serves both; the database still decides (a duplicate code only it can see).
 */
import { z } from 'zod';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import { isInServiceArea, type LatLng } from './geo';
import { isWorkflowErrorCode, type WorkflowErrorCode } from './workflow-errors';

const problem = (code: WorkflowErrorCode) => ({ error: code });

export const AGENCY_FIELDS = ['code', 'name', 'kind', 'phone', 'color'] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];

export const agencyFormSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,20}$/, problem('invalid_code')),
  name: z.string().trim().min(1, problem('name_required')).max(160, problem('name_required')),
  kind: z.enum(Constants.public.Enums.agency_kind, problem('invalid_state')),
  phone: z
    .string()
    .trim()
    .regex(/^(?:[0-9+() -]{2,40})?$/, problem('invalid_phone'))
    .transform((v) => v || null),
  color: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:#[0-9a-f]{6})?$/, problem('invalid_color'))
    .transform((v) => v || null),
});

export type AgencyDraft = z.input<typeof agencyFormSchema>;
export type ValidAgency = z.output<typeof agencyFormSchema>;

export const POST_FIELDS = ['agency_id', 'name', 'kind', 'address', 'location'] as const;
export type PostField = (typeof POST_FIELDS)[number];

export const postFormSchema = z.object({
  agency_id: z.uuid(problem('agency_not_found')),
  name: z.string().trim().min(1, problem('name_required')).max(160, problem('name_required')),
  kind: z.enum(Constants.public.Enums.post_kind, problem('invalid_state')),
  address: z
    .string()
    .trim()
    .max(300, problem('invalid_state'))
    .transform((v) => v || null),
  location: z.custom<LatLng>((p) => isLatLng(p) && isInServiceArea(p), problem('location_out_of_area')),
});

export type PostDraft = z.input<typeof postFormSchema>;
export type ValidPost = z.output<typeof postFormSchema> & { kind: Enums<'post_kind'> };

function isLatLng(value: unknown): value is LatLng {
  return (
    typeof value === 'object' &&
    value !== null &&
    'lat' in value &&
    'lng' in value &&
    Number.isFinite(value.lat) &&
    Number.isFinite(value.lng)
  );
}

export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: Partial<Record<F, WorkflowErrorCode>> };

function check<T, F extends string>(schema: z.ZodType<T>, draft: unknown, fields: readonly F[]): Checked<T, F> {
  const result = schema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const problems: Partial<Record<F, WorkflowErrorCode>> = {};
  for (const issue of result.error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    // An issue without one of our codes is zod's own (a wrong type): the field is invalid.
    const code: WorkflowErrorCode = isWorkflowErrorCode(issue.message) ? issue.message : 'invalid_state';
    if (field !== undefined && problems[field] === undefined) problems[field] = code;
  }
  return { ok: false, problems };
}

export function checkAgency(draft: AgencyDraft): Checked<ValidAgency, AgencyField> {
  return check(agencyFormSchema, draft, AGENCY_FIELDS);
}

export function checkPost(draft: PostDraft): Checked<ValidPost, PostField> {
  return check(postFormSchema, draft, POST_FIELDS);
}

/** Whether two kind lists say the same (order and repeats aside). */
export function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}
