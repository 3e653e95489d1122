/**
 * The installation's own JWT secret and API keys, made at first start and kept beside the data.
 * The Supabase CLI's well-known keys are public: with them anyone who reaches the stack (a wall PC's
 * LAN, a liaison's hotspot) could mint a service_role token. So a real start never uses them unless
 * asked for with STACK_KEYS=demo (for tools that expect the CLI's values).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { signJwt } from './jwt.ts';
import type { StackConfig } from './config.ts';

export interface InstallSecrets {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

const SecretsFile = z.object({
  jwtSecret: z.string().min(32),
  anonKey: z.string().min(20),
  serviceRoleKey: z.string().min(20),
});

/** The API keys are long-lived, as Supabase's are: ten years. Rotating means deleting the file. */
const KEY_LIFETIME_S = 10 * 365 * 24 * 3600;

export async function createInstallSecrets(nowS = Math.floor(Date.now() / 1000)): Promise<InstallSecrets> {
  const jwtSecret = randomBytes(48).toString('base64url');
  const key = (role: 'anon' | 'service_role') =>
    signJwt({ iss: 'supabase', ref: 'cilegon-112', role, iat: nowS, exp: nowS + KEY_LIFETIME_S }, jwtSecret);
  return { jwtSecret, anonKey: await key('anon'), serviceRoleKey: await key('service_role') };
}

/**
 * Reads `file`, or creates it (owner-only permissions) when missing. `created` tells the caller to
 * show the keys this once. A file that exists but cannot be read as secrets stops the start: making
 * new ones would silently lock out every device configured with the old keys.
 */
export async function loadOrCreateInstallSecrets(file: string): Promise<{ secrets: InstallSecrets; created: boolean }> {
  if (existsSync(file)) {
    const parsed = SecretsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a valid secrets file (${parsed.error.issues[0]?.message}); restore it or delete it to make new keys`);
    return { secrets: parsed.data, created: false };
  }
  const secrets = await createInstallSecrets();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secrets, created: true };
}

/** Where the secrets live: beside the data, so a backup of `.data/` keeps data and keys together. */
export function installSecretsFile(root: string, env: Record<string, string | undefined>): string {
  return env.STACK_SECRETS_FILE ?? path.join(root, '.data', 'secrets.json');
}

/**
 * The config a real start uses: keys given in the environment win; STACK_KEYS=demo keeps the CLI's
 * well-known ones; otherwise the installation's own.
 */
export async function withInstallSecrets(
  config: StackConfig,
  root: string,
  env: Record<string, string | undefined> = process.env,
): Promise<{ config: StackConfig; created: boolean; file: string | null }> {
  if (env.STACK_KEYS === 'demo' || env.JWT_SECRET) return { config, created: false, file: null };
  const file = installSecretsFile(root, env);
  const { secrets, created } = await loadOrCreateInstallSecrets(file);
  return { config: { ...config, ...secrets }, created, file };
}
