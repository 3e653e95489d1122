/**
 * The emergency report checked with the limits the database applies (the incidents checks and
 * report_incident), so the operator hears about a problem before the round trip. The database still
 * decides; its refusal is shown the same way. Every problem of the form is reported at once.
 */
import { z } from 'zod';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import { KECAMATAN, type Kecamatan } from './city';
import type { EmergencyDraft } from './call-draft';
import { parseCoordinates } from './coordinates';
import { optionalText, problemsByField, requiredText, type FormProblem } from './form-problems';
import { isInServiceArea } from './geo';
import { isKelurahanOf } from './kelurahan';

/** incidents.description (1–2000 after trimming), address (≤ 300), kelurahan (1–80 after trimming). */
export const EMERGENCY_LIMITS = { description: 2000, address: 300, kelurahan: 80 } as const;

export const EMERGENCY_FIELDS = ['category', 'description', 'coordinates', 'kelurahan', 'address'] as const;
export type EmergencyField = (typeof EMERGENCY_FIELDS)[number];

export interface ValidEmergency {
  category: Enums<'incident_category'>;
  priority: Enums<'incident_priority'>;
  description: string;
  address: string | null;
  kecamatan: Kecamatan | null;
  kelurahan: string | null;
  lat: number;
  lng: number;
}

export type EmergencyValidation =
  | { ok: true; value: ValidEmergency }
  | { ok: false; problems: Partial<Record<EmergencyField, FormProblem>> };

const problem = (code: FormProblem) => ({ error: code });

/** "lat, lng" text → a point report_incident accepts (inside the box of its location check). */
const location = z
  .string()
  .trim()
  .min(1, problem('required'))
  .transform((text, ctx) => {
    const point = parseCoordinates(text);
    if (!point || !isInServiceArea(point)) {
      ctx.issues.push({ code: 'custom', input: text, message: point ? 'out_of_area' : 'invalid' });
      return z.NEVER;
    }
    return point;
  });

export const emergencySchema = z
  .object({
    category: z.enum(Constants.public.Enums.incident_category, problem('required')),
    priority: z.enum(Constants.public.Enums.incident_priority, problem('invalid')),
    description: requiredText(EMERGENCY_LIMITS.description),
    address: optionalText(EMERGENCY_LIMITS.address),
    kecamatan: z
      .enum(KECAMATAN, problem('invalid'))
      .or(z.literal(''))
      .transform((value) => value || null),
    kelurahan: optionalText(EMERGENCY_LIMITS.kelurahan),
    coordinates: location,
  })
  .refine(({ kecamatan, kelurahan }) => !kecamatan || !kelurahan || isKelurahanOf(kecamatan, kelurahan), {
    path: ['kelurahan'],
    ...problem('wrong_kecamatan'),
    // Checked even when other fields have problems, so the operator sees all of them at once; only
    // a kecamatan or kelurahan that failed its own check makes the pair meaningless.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === 'kecamatan' || issue.path?.[0] === 'kelurahan'),
  })
  .transform(({ coordinates, ...report }): ValidEmergency => ({ ...report, lat: coordinates.lat, lng: coordinates.lng }));

export function validateEmergency(draft: EmergencyDraft): EmergencyValidation {
  const result = emergencySchema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsByField(result.error.issues, EMERGENCY_FIELDS) };
}
