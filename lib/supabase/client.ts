/**
 * Supabase client for client components. It reads the runtime configuration the root layout put in
 * the page and, when that names a loopback API but the page came from another host, talks to the
 * API on the page's host (see runtime-url.ts). Session cookies are shared with the server.
 * Requests the stack refused unapplied (503 + Retry-After, a disaster day's overload) are sent again.
 */
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { resolveBrowserSupabaseUrl, SUPABASE_CONFIG_META_NAME, type SupabasePublicConfig } from './runtime-url';
import { resendRefused } from './resend-refused';
import { SESSION_COOKIE_NAME } from './session-cookie';

// The head's metadata is in the server's HTML of every page, also a 404 whose body React renders in
// the browser: an element in the body would not exist yet while client components first render.
function readPageConfig(): SupabasePublicConfig {
  const content = document.querySelector(`meta[name="${SUPABASE_CONFIG_META_NAME}"]`)?.getAttribute('content');
  if (!content) {
    throw new Error(`Supabase configuration <meta name="${SUPABASE_CONFIG_META_NAME}"> is missing from the page`);
  }
  return JSON.parse(content) as SupabasePublicConfig;
}

export function createClient(): SupabaseClient<Database> {
  const config = readPageConfig();
  return createBrowserClient<Database>(resolveBrowserSupabaseUrl(config.url, window.location.hostname), config.anonKey, {
    cookieOptions: { name: SESSION_COOKIE_NAME },
    // A click refused by a busy stack before anything was applied is sent again, not shown as failed.
    global: { fetch: resendRefused((input, init) => fetch(input, init)) },
  });
}
