/**
 * Supabase client for client components. It reads the runtime configuration the root layout put in
 * the page and, when that names a loopback API but the page came from another host, talks to the
 * API on the page's host (see runtime-url.ts). Session cookies are shared with the server.
 */
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { resolveBrowserSupabaseUrl, SUPABASE_CONFIG_ELEMENT_ID, type SupabasePublicConfig } from './runtime-url';
import { SESSION_COOKIE_NAME } from './session-cookie';

function readPageConfig(): SupabasePublicConfig {
  const element = document.getElementById(SUPABASE_CONFIG_ELEMENT_ID);
  if (!element?.textContent) {
    throw new Error(`Supabase configuration element #${SUPABASE_CONFIG_ELEMENT_ID} is missing from the page`);
  }
  return JSON.parse(element.textContent) as SupabasePublicConfig;
}

export function createClient(): SupabaseClient<Database> {
  const config = readPageConfig();
  return createBrowserClient<Database>(resolveBrowserSupabaseUrl(config.url, window.location.hostname), config.anonKey, {
    cookieOptions: { name: SESSION_COOKIE_NAME },
  });
}
