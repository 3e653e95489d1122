/**
 * The admin's new SLA target as typed: whole seconds, 1 s – 24 h, the same bounds set_sla_target and
 * the sla_targets check enforce, so a bad value is refused on the screen before any request.
 */
import { z } from 'zod';

export const SLA_TARGET_MAX_SECONDS = 86_400;

export const slaTargetSecondsSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(SLA_TARGET_MAX_SECONDS));

export function parseSlaTargetSeconds(input: string): { ok: true; value: number } | { ok: false } {
  const result = slaTargetSecondsSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}
