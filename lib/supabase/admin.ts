/**
 * Service-role Supabase client that bypasses row-level security, for trusted server code only
 * (telephony endpoint, simulator, admin actions). `server-only` makes a client-bundle import fail
 * the build, so the key can never reach a browser.
 */
import 'server-only';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { NodeRealtimeTransport } from './node-realtime-transport';
import type { Database } from './database.types';
import { readSupabaseConfig, requireEnv } from './runtime-config';

export function createAdminClient(): SupabaseClient<Database> {
  const { url } = readSupabaseConfig();
  return createClient<Database>(url, requireEnv(['SUPABASE_SERVICE_ROLE_KEY']), {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NodeRealtimeTransport },
  });
}
