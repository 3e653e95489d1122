/**
 * Shift handover (serah terima): the outgoing supervisor writes the note for the change that ends
 * the current shift; an incoming supervisor acknowledges the version they read. The database counts
 * what was handed over and refuses a stale version, an own handover and any change once acknowledged.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { toWriteResult } from './write-result';

export type Handover = Tables<'shift_handovers'>;

/** First write of the note has no version; a rewrite names the version it replaces. */
export async function writeHandover(client: Db, note: string, expectedVersion?: number): Promise<WriteResult<Handover>> {
  return toWriteResult(await client.rpc('write_handover', { p_note: note, p_expected_version: expectedVersion }));
}

export async function acknowledgeHandover(
  client: Db,
  handover: Pick<Handover, 'id' | 'version'>,
  note: string,
): Promise<WriteResult<Handover>> {
  return toWriteResult(
    await client.rpc('acknowledge_handover', { p_id: handover.id, p_note: note, p_expected_version: handover.version }),
  );
}
