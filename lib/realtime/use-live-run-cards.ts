'use client';
/**
 * Live run cards (rencana respons): the dispatch ranking follows an administrator's change at once.
 * Readable by operators, supervisors and admins only (RLS).
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LiveRunCard = Tables<'run_cards'>;

export function useLiveRunCards(client: Db): LiveRows<LiveRunCard> {
  return useLiveRows({ client, table: 'run_cards', key: 'category', version: 'version' });
}
