/**
 * The simulator's command line, parsed with node:util's parseArgs and checked with zod: a bad value
 * stops the run before anything is sent, with the option's name in the message.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const SIM_ARGS = {
  rate: { type: 'string' },
  duration: { type: 'string' },
  speed: { type: 'string' },
  operators: { type: 'string' },
  supervisors: { type: 'string' },
  liaisons: { type: 'string' },
  seed: { type: 'string' },
  'app-url': { type: 'string' },
  'supabase-url': { type: 'string' },
  'anon-key': { type: 'string' },
  'service-role-key': { type: 'string' },
  'webhook-secret': { type: 'string' },
  'drain-timeout': { type: 'string' },
  'conflict-share': { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const count = (max: number) => z.coerce.number().int().min(1).max(max);

export const simOptionsSchema = z.strictObject({
  /** Calls per second, real time. */
  rate: z.coerce.number().positive().max(100).default(0.2),
  /** Seconds during which calls arrive; the run then lets the work in progress finish. */
  duration: z.coerce.number().positive().max(24 * 3600).default(60),
  /** Divides every human delay: 60 plays an hour of work per minute. */
  speed: z.coerce.number().positive().max(10_000).default(10),
  operators: count(500).default(4),
  supervisors: count(100).default(2),
  liaisons: count(500).default(9),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(112),
  appUrl: z.url({ protocol: /^https?$/ }),
  supabaseUrl: z.url({ protocol: /^https?$/ }),
  anonKey: z.string().min(20, 'an API key'),
  serviceRoleKey: z.string().min(20, 'an API key'),
  webhookSecret: z.string().min(1, 'TELEPHONY_WEBHOOK_SECRET is empty'),
  /** Seconds to wait for the work in progress after the last call has rung. */
  drainTimeout: z.coerce.number().positive().max(24 * 3600).default(120),
  /** Share of dispatches that a second supervisor opens at the same moment (an expected conflict). */
  conflictShare: z.coerce.number().min(0).max(1).default(0.05),
  json: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
});

export type SimOptions = z.infer<typeof simOptionsSchema>;

export interface SimDefaults {
  appUrl?: string;
  supabaseUrl?: string;
  anonKey?: string;
  serviceRoleKey?: string;
  webhookSecret?: string;
}

export type ParsedArgs = { ok: true; options: SimOptions } | { ok: false; help: boolean; message: string };

export function parseSimArgs(argv: readonly string[], defaults: SimDefaults): ParsedArgs {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof SIM_ARGS; strict: true }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options: SIM_ARGS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return { ok: false, help: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { ok: false, help: true, message: '' };
  const parsed = simOptionsSchema.safeParse({
    rate: values.rate,
    duration: values.duration,
    speed: values.speed,
    operators: values.operators,
    supervisors: values.supervisors,
    liaisons: values.liaisons,
    seed: values.seed,
    appUrl: values['app-url'] ?? defaults.appUrl,
    supabaseUrl: values['supabase-url'] ?? defaults.supabaseUrl,
    anonKey: values['anon-key'] ?? defaults.anonKey,
    serviceRoleKey: values['service-role-key'] ?? defaults.serviceRoleKey,
    webhookSecret: values['webhook-secret'] ?? defaults.webhookSecret,
    drainTimeout: values['drain-timeout'],
    conflictShare: values['conflict-share'],
    json: values.json,
    quiet: values.quiet,
  });
  if (parsed.success) return { ok: true, options: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0] ?? 'options').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return { ok: false, help: false, message: `--${name}: ${issue.message}` };
}

export const SIM_USAGE = `Usage: npm run simulate -- [options]

  --rate N              calls per second (default 0.2)
  --duration S          seconds during which calls arrive (default 60)
  --speed F             divides every human delay (default 10; 1 = real time)
  --operators N         simulated operators (default 4), extensions 201…
  --supervisors N       simulated supervisors (default 2)
  --liaisons N          simulated OPD liaisons, spread over the agencies (default 9)
  --seed N              seed of the call plan (default 112): same seed, same calls
  --app-url URL         the app (telephony webhook), default http://127.0.0.1:$PORT or :3000
  --supabase-url URL    default SUPABASE_URL / NEXT_PUBLIC_SUPABASE_URL or http://127.0.0.1:54321
  --anon-key KEY        default SUPABASE_ANON_KEY or .data/secrets.json
  --service-role-key K  default SUPABASE_SERVICE_ROLE_KEY or .data/secrets.json (creates the sim accounts)
  --webhook-secret S    default TELEPHONY_WEBHOOK_SECRET
  --drain-timeout S     seconds to let work in progress finish after the last call (default 120)
  --conflict-share P    share of dispatches opened by two supervisors at once (default 0.05)
  --json FILE           also write the summary as JSON
  --quiet               no progress lines`;
