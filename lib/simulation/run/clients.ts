/**
 * supabase-js clients of the simulation: one per simulated person, signed in with their own account
 * (so every row-level security rule and role check applies to them as to a person at a screen), and
 * the service-role client that only prepares the simulation accounts.
 */
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../supabase/database.types';
import type { Db } from '../../data/db';
import { NodeRealtimeTransport } from '../../supabase/node-realtime-transport';
import { resendRefused } from '../../supabase/resend-refused';
import { fetchWithCause } from './fetch-with-cause';

/** Told of every request the stack refused unapplied and the client sent again. */
export type OnResend = (url: string) => void;

// As the app's browser client: a request the stack refused before applying it is sent again.
const simulatorFetch = (onResend?: OnResend) => resendRefused(fetchWithCause, { onResend });

export function serviceClient(url: string, serviceRoleKey: string, onResend?: OnResend): Db {
  return createClient<Database>(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
    global: { fetch: simulatorFetch(onResend) },
  });
}

/** A person's client; it refreshes its session itself, so a demo that runs for hours keeps working. */
export async function signedInClient(url: string, anonKey: string, email: string, password: string, onResend?: OnResend): Promise<Db> {
  const client = createClient<Database>(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: true },
    realtime: { transport: NodeRealtimeTransport },
    global: { fetch: simulatorFetch(onResend) },
  });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in of ${email} failed: ${error.message}`);
  return client;
}

/** Stops the refresh timer and ends the session (the simulator's own accounts only). */
export async function signOut(client: Db): Promise<void> {
  client.auth.stopAutoRefresh();
  await client.auth.signOut({ scope: 'local' });
}
