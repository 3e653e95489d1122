/**
 * The database clock as seen from this screen: its offset from the local clock, measured around one
 * call of public.server_now(). Running SLA timers add it to Date.now(), so a PC whose clock drifts
 * still colours the stages the way the database stamps them.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';
import { toOperatorError } from './operator-calls';

/**
 * Offset (ms) to add to the local clock. The server read its clock somewhere between sending and
 * receiving; the midpoint halves the error a slow network adds.
 */
export function clockOffsetMs(serverIso: string, sentAtMs: number, receivedAtMs: number): number {
  const server = Date.parse(serverIso);
  if (Number.isNaN(server)) throw new Error(`server_now returned ${serverIso}`);
  return server - (sentAtMs + receivedAtMs) / 2;
}

export async function measureClockOffset(client: SupabaseClient<Database>): Promise<number> {
  const sentAt = Date.now();
  const { data, error, status } = await client.rpc('server_now');
  const receivedAt = Date.now();
  if (error) throw toOperatorError(error, status, 'read server clock');
  return clockOffsetMs(data, sentAt, receivedAt);
}
