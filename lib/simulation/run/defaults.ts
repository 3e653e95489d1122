/**
 * Where the simulator finds the center when the command line does not say: the environment as the
 * app has it, else what `npm start` keeps in `.data/secrets.json` (its per-installation keys), else
 * the well-known demo keys when STACK_KEYS=demo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { installSecretsFile } from '../../../supabase/local/install-secrets';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../../supabase/local/config';
import type { SimDefaults } from '../options';

const secretsFile = z.object({ anonKey: z.string(), serviceRoleKey: z.string() });

export function simDefaults(env: Record<string, string | undefined>, root: string): SimDefaults {
  const file = installSecretsFile(root, env);
  const installed = existsSync(file) ? secretsFile.safeParse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  const keys = env.STACK_KEYS === 'demo' ? { anonKey: DEMO_ANON_KEY, serviceRoleKey: DEMO_SERVICE_ROLE_KEY } : installed?.success ? installed.data : null;
  return {
    appUrl: env.SIM_APP_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`,
    supabaseUrl: env.SUPABASE_URL ?? env.NEXT_PUBLIC_SUPABASE_URL ?? `http://127.0.0.1:${env.STACK_PORT ?? 54321}`,
    anonKey: env.SUPABASE_ANON_KEY ?? env.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? keys?.anonKey,
    serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY ?? keys?.serviceRoleKey,
    webhookSecret: env.TELEPHONY_WEBHOOK_SECRET,
  };
}
