/**
 * Reads the Supabase API location and anon key from the environment when a request is served, not
 * when the app is built, so one build works behind any address. Keys are looked up by a computed name
 * on purpose: Next.js inlines literal `process.env.NEXT_PUBLIC_*` reads at build time.
 */
import type { SupabasePublicConfig } from './runtime-url';

function readEnv(names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

export function requireEnv(names: readonly string[]): string {
  const value = readEnv(names);
  if (value === undefined) {
    throw new Error(`Missing environment variable ${names.join(' or ')} (see .env.example)`);
  }
  return value;
}

export function readSupabaseConfig(): SupabasePublicConfig {
  return {
    url: requireEnv(['SUPABASE_URL', 'NEXT_PUBLIC_SUPABASE_URL']),
    anonKey: requireEnv(['SUPABASE_ANON_KEY', 'NEXT_PUBLIC_SUPABASE_ANON_KEY']),
  };
}
