/**
 * The admin's nuisance-number rules as typed on /admin/nuisance: the same bounds the
 * nuisance_settings checks and set_nuisance_settings enforce (threshold 2–50 calls, window and block
 * 1–720 hours), so a bad value is refused on the screen before any request. A problem is the
 * refusal code the database would answer (`invalid_settings`), so one translated message serves both.
 */
import { z } from 'zod';

export const NUISANCE_THRESHOLD_MIN = 2;
export const NUISANCE_THRESHOLD_MAX = 50;
export const NUISANCE_HOURS_MIN = 1;
export const NUISANCE_HOURS_MAX = 720;

/** The product defaults of issue #16: 3 calls in 24 h propose a block of 24 h. */
export const NUISANCE_DEFAULTS = { threshold: 3, windowHours: 24, blockHours: 24 } as const;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const nuisanceSettingsSchema = z.object({
  threshold: wholeNumber(NUISANCE_THRESHOLD_MIN, NUISANCE_THRESHOLD_MAX),
  windowHours: wholeNumber(NUISANCE_HOURS_MIN, NUISANCE_HOURS_MAX),
  blockHours: wholeNumber(NUISANCE_HOURS_MIN, NUISANCE_HOURS_MAX),
});

export type NuisanceSettingsDraft = z.input<typeof nuisanceSettingsSchema>;
export type NuisanceSettingsValues = z.output<typeof nuisanceSettingsSchema>;
export type NuisanceSettingsField = keyof NuisanceSettingsDraft;

export type NuisanceSettingsParse =
  | { ok: true; value: NuisanceSettingsValues }
  | { ok: false; fields: NuisanceSettingsField[] };

export function parseNuisanceSettings(draft: NuisanceSettingsDraft): NuisanceSettingsParse {
  const result = nuisanceSettingsSchema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const fields = [...new Set(result.error.issues.map((i) => i.path[0]))].filter(
    (f): f is NuisanceSettingsField => f === 'threshold' || f === 'windowHours' || f === 'blockHours',
  );
  return { ok: false, fields };
}
