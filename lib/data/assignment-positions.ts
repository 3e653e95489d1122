/**
 * Unit positions of assignments (issue #18 §3): the liaison phone's report through
 * report_assignment_position, and the reads of dispatch, the wall and the incident page. Who may
 * read which position is decided by RLS (supervisors, leadership, the unit's own agency).
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { QueuedPosition, SendOutcome } from '@/lib/domain/position-outbox';
import { toWriteFailure } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { readData, readFailed } from './read';

export type AssignmentPosition = Tables<'assignment_positions'>;

/** Sends one queued position. Never throws: the outbox decides what follows. */
export async function reportPosition(client: Db, item: QueuedPosition): Promise<SendOutcome> {
  try {
    const { error, status } = await client.rpc('report_assignment_position', {
      p_assignment_id: item.assignmentId,
      p_seq: item.seq,
      p_lat: item.lat,
      p_lng: item.lng,
      p_accuracy_m: item.accuracyM,
      p_recorded_at: new Date(item.recordedAtMs).toISOString(),
    });
    if (error) return { ok: false, failure: toWriteFailure(error, status) };
    return { ok: true };
  } catch (err) {
    return { ok: false, failure: { kind: 'network', detail: err instanceof Error ? err.message : String(err) } };
  }
}

/** The highest seq the database holds for an assignment (0 when none), so a reloaded phone goes on after it. */
export async function readStoredSeq(client: Db, assignmentId: string): Promise<number> {
  const { data, error } = await client
    .from('assignment_positions')
    .select('seq')
    .eq('assignment_id', assignmentId)
    .order('seq', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) readFailed(`the last position of assignment ${assignmentId}`, error);
  return data?.seq ?? 0;
}

/** The newest position of every assignment en route or on scene. */
export async function readLatestPositions(client: Db): Promise<AssignmentPosition[]> {
  return readData('the latest unit positions', await client.rpc('latest_assignment_positions'));
}

/** Most positions one incident's track shows: 4 hours at one per 15 s per agency, for a few agencies. */
export const TRACK_LIMIT = 5000;

/** Every stored position of the given assignments, oldest first, for the incident page's track. */
export async function readTracks(client: Db, assignmentIds: readonly string[]): Promise<AssignmentPosition[]> {
  if (assignmentIds.length === 0) return [];
  const answer = await client
    .from('assignment_positions')
    .select('*')
    .in('assignment_id', [...assignmentIds])
    .order('assignment_id')
    .order('seq')
    .limit(TRACK_LIMIT);
  return readData('the positions of the incident’s assignments', answer);
}
