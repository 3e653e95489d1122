/**
 * supabase-js signed in as demo accounts, one client per account, pointed at the API the page under
 * test uses (read from its runtime config). Specs use it to act as the other people of a scenario
 * (an operator reporting, a liaison acknowledging) through the same workflow RPCs as the screens.
 */
import type { Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../lib/supabase/database.types';
import { DEMO_PASSWORD } from '../../lib/demo-users';
import { pageSupabaseConfig, type DemoDb } from './stack';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

export type { DemoDb };

export class DemoClients {
  private readonly clients = new Map<string, DemoDb>();

  constructor(
    private readonly url: string,
    private readonly anonKey: string,
  ) {}

  static async fromPage(page: Page): Promise<DemoClients> {
    const { url, anonKey } = await pageSupabaseConfig(page);
    return new DemoClients(url, anonKey);
  }

  async as(email: string): Promise<DemoDb> {
    const existing = this.clients.get(email);
    if (existing) return existing;
    const client = createClient<Database>(this.url, this.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: NodeRealtimeTransport },
    });
    const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    if (error) throw new Error(`sign-in of ${email} failed: ${error.message}`);
    this.clients.set(email, client);
    return client;
  }

  /** Forgets the sessions without signing out (e.g. after the stack restarted: sign in again). */
  forget(): void {
    this.clients.clear();
  }

  async close({ signOut }: { signOut: boolean }): Promise<void> {
    for (const client of this.clients.values()) {
      await client.removeAllChannels();
      if (signOut) await client.auth.signOut();
    }
    this.clients.clear();
  }
}
