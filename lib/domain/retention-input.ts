/**
 * The retention periods as typed on /admin/retention (issue #22): the bounds the retention_settings
 * checks and set_retention_settings enforce (incidents 30–3650 days, ghost/prank/info calls 7–3650
 * days), so a value out of range or not a whole number is refused on the screen before any request.
 * The rule that nuisance calls outlive the nuisance window plus a block is the database's
 * (retention_too_short); nuisanceMinimumDays says the figure the screen shows beside the field.
 */
import { z } from 'zod';

export const RETENTION_INCIDENT_DAYS = { min: 30, max: 3650 } as const;
export const RETENTION_NUISANCE_DAYS = { min: 7, max: 3650 } as const;

const wholeDays = (bounds: { min: number; max: number }) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(bounds.min).max(bounds.max));

export const retentionSettingsSchema = z.object({
  incidentDays: wholeDays(RETENTION_INCIDENT_DAYS),
  nuisanceDays: wholeDays(RETENTION_NUISANCE_DAYS),
});

export type RetentionDraft = z.input<typeof retentionSettingsSchema>;
export type RetentionValues = z.output<typeof retentionSettingsSchema>;
export type RetentionField = keyof RetentionDraft;

export type RetentionParse = { ok: true; value: RetentionValues } | { ok: false; fields: RetentionField[] };

export function parseRetentionSettings(draft: RetentionDraft): RetentionParse {
  const result = retentionSettingsSchema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const fields = [...new Set(result.error.issues.map((i) => i.path[0]))].filter(
    (f): f is RetentionField => f === 'incidentDays' || f === 'nuisanceDays',
  );
  return { ok: false, fields };
}

/** Whole days the nuisance window plus a block take, as set_retention_settings rounds them (up). */
export function nuisanceMinimumDays(windowHours: number, blockHours: number): number {
  return Math.ceil((windowHours + blockHours) / 24);
}
