/**
 * The anonymous waiting-calls figures (public.waiting_calls_summary): how many telephony calls ring
 * now, since when the longest has, and how many callers hung up unanswered since WIB midnight. For
 * the dispatch board and the wall (leadership, supervisors, admins). Throws a ReadError.
 */
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import type { Db } from './db';
import { ReadError, readData } from './read';

export async function fetchWaitingSummary(client: Db): Promise<WaitingSummary> {
  const rows = readData('the waiting calls', await client.rpc('waiting_calls_summary'));
  const row = rows[0];
  if (!row) throw new ReadError('the waiting calls', 'no row');
  // PostgREST returns bigint counts as numbers; the oldest time is null when nothing rings.
  return {
    waiting: Number(row.waiting),
    oldestReceivedAt: row.oldest_received_at ?? null,
    abandonedToday: Number(row.abandoned_today),
  };
}
