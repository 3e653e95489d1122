/**
 * Supabase client for server components, server actions and route handlers, acting as the signed-in
 * user through the session cookies. Create one per request; never keep one in a module variable.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { NodeRealtimeTransport } from './node-realtime-transport';
import type { Database } from './database.types';
import { readSupabaseConfig } from './runtime-config';
import { SESSION_COOKIE_NAME } from './session-cookie';

/**
 * `forwardedFor`: the browser's address chain, for the calls where the auth API must tell people
 * apart (sign-in's per-address attempt limit); without it every sign-in would come from this server.
 */
export async function createClient(opts: { forwardedFor?: string } = {}): Promise<SupabaseClient<Database>> {
  const cookieStore = await cookies();
  const { url, anonKey } = readSupabaseConfig();
  return createServerClient<Database>(url, anonKey, {
    ...(opts.forwardedFor ? { global: { headers: { 'x-forwarded-for': opts.forwardedFor } } } : {}),
    cookieOptions: { name: SESSION_COOKIE_NAME },
    // Node 20 has no global WebSocket and supabase-js builds its realtime client eagerly.
    realtime: { transport: NodeRealtimeTransport },
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        try {
          for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, options);
        } catch (error) {
          // Server components may not write cookies; the root proxy refreshes the session instead.
          // Anything else than that refusal is a real fault.
          if (!(error instanceof Error && /Cookies can only be modified/i.test(error.message))) throw error;
        }
      },
    },
  });
}
