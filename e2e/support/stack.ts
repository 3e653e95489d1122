/**
 * The embedded stack behind the e2e server, as the specs reach it: the API address a page uses, a
 * service-role client (the e2e server runs the stack with the well-known demo keys) for checks the
 * screens cannot make, and the server's test-only control endpoint.
 */
import type { Page } from '@playwright/test';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config';
import type { Database } from '../../lib/supabase/database.types';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

/** A typed client of the e2e stack, as any user or the service role. */
export type DemoDb = SupabaseClient<Database>;

/** The Supabase address and anon key the page under test was served with. */
export async function pageSupabaseConfig(page: Page): Promise<{ url: string; anonKey: string }> {
  const text = await page.locator('meta[name="supabase-config"]').getAttribute('content');
  if (!text) throw new Error('no <meta name="supabase-config"> in the page');
  return JSON.parse(text) as { url: string; anonKey: string };
}

export function serviceRoleClient(url: string): DemoDb {
  return createClient<Database>(url, DEMO_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
}

/** A URL of the e2e server's control endpoint (scripts/e2e-server.ts). */
export function controlUrl(path: '/stack' | '/restart-stack' | '/exactly-once' | '/kill-next' | '/start-next'): string {
  const port = Number(process.env.E2E_CONTROL_PORT ?? Number(process.env.E2E_PORT ?? 3199) + 1);
  return `http://127.0.0.1:${port}${path}`;
}

/** The stack's API address, for specs that have no page open. */
export async function stackUrl(): Promise<string> {
  const res = await fetch(controlUrl('/stack'));
  if (!res.ok) throw new Error(`reading the stack address failed: ${res.status}`);
  return ((await res.json()) as { url: string }).url;
}
