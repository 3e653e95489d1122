/**
 * Nuisance numbers and call-backs: the block in force for a number (the caller-history panel) and
 * the workflow RPCs of the supervisor's decisions and the operator's call-back outcomes. Writes
 * answer a WriteResult so the screens can show a refusal, above all `stale_version`.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { CallbackOutcome } from '@/lib/domain/nuisance';
import type { Db } from './db';
import { readData } from './read';
import { toWriteResult } from './write-result';
import { type WriteResult } from '../domain/write-failure';

export type NumberBlock = Tables<'blocked_numbers'>;
export type Callback = Tables<'callbacks'>;

/** What the operator is told about a blocked number: how many nuisance calls led to it and until when. */
export interface ActiveBlock {
  id: string;
  expiresAt: string;
  prankCalls: number;
  ghostCalls: number;
  windowHours: number;
}

/** The block in force for the number (compared by digits in the database), or null. */
export async function readActiveBlock(client: Db, phone: string): Promise<ActiveBlock | null> {
  const rows = readData('number block', await client.rpc('active_number_block', { p_phone: phone }));
  const row = rows[0];
  return row ? { id: row.id, expiresAt: row.expires_at, prankCalls: row.prank_calls, ghostCalls: row.ghost_calls, windowHours: row.window_hours } : null;
}

export async function decideNumberBlock(
  client: Db,
  block: Pick<NumberBlock, 'id' | 'version'>,
  approve: boolean,
  reason: string,
): Promise<WriteResult<NumberBlock>> {
  return toWriteResult(
    await client.rpc('decide_number_block', { p_block_id: block.id, p_approve: approve, p_reason: reason, p_expected_version: block.version }),
  );
}

export async function liftNumberBlock(client: Db, block: Pick<NumberBlock, 'id' | 'version'>, reason: string): Promise<WriteResult<NumberBlock>> {
  return toWriteResult(await client.rpc('lift_number_block', { p_block_id: block.id, p_reason: reason, p_expected_version: block.version }));
}

/**
 * One call-back attempt. For reached_emergency, `newCallKey` is the idempotency key of the call
 * record the database starts and answers for the operator; the console then continues that call.
 */
export async function recordCallback(
  client: Db,
  callback: Pick<Callback, 'id' | 'version'>,
  outcome: CallbackOutcome,
  note: string | null,
  newCallKey?: string,
): Promise<WriteResult<Callback>> {
  return toWriteResult(
    await client.rpc('record_callback', {
      p_callback_id: callback.id,
      p_outcome: outcome,
      // The function takes blank as no note.
      p_note: note ?? '',
      p_expected_version: callback.version,
      p_new_call_key: newCallKey,
    }),
  );
}
