/** The signing relay's settings, from its environment; a bad one names the variable. */
import { z } from 'zod';

const envSchema = z.object({
  TELEPHONY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }),
  TELEPHONY_WEBHOOK_SECRET: z.string().trim().min(16, 'at least 16 characters'),
  C112_RELAY_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, '16-200 printable ASCII characters without spaces'),
  C112_RELAY_PORT: z.coerce.number().int().min(1).max(65_535).default(8112),
});

export type RelaySettings = z.infer<typeof envSchema>;

export function relaySettings(env: Record<string, string | undefined>): { ok: true; settings: RelaySettings } | { ok: false; message: string } {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue.path.join('.') || 'environment'}: ${issue.message}` };
}
