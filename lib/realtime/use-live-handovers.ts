'use client';
/**
 * Live shift handovers of the last days (supervisors and admins read them), with the names of the
 * outgoing and incoming supervisors: a note written or acknowledged on another desk shows at once.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import type { TableQuery } from './live-table';
import { useLiveEmbeddedRows, type LiveRows } from './use-live-rows';

// Two foreign keys lead to profiles: each embed names its own.
const SELECT =
  'id, shift_started_at, change_at, outgoing_id, note, written_at, open_incidents, waiting_acknowledgements, blocked_numbers, incoming_id, acknowledged_at, acknowledgement_note, version, outgoing:profiles!shift_handovers_outgoing_id_fkey(full_name), incoming:profiles!shift_handovers_incoming_id_fkey(full_name)';

const withNames = (from: TableQuery<'shift_handovers'>) => from.select(SELECT);

export type HandoverRow = Tables<'shift_handovers'> & {
  outgoing: { full_name: string } | null;
  incoming: { full_name: string } | null;
};

const newestFirst = (a: HandoverRow, b: HandoverRow) => Date.parse(b.change_at) - Date.parse(a.change_at) || Date.parse(b.written_at) - Date.parse(a.written_at);

/** `sinceIso` must be stable (it is the view's filter): e.g. the start of a WIB day. */
export function useLiveHandovers(client: Db, sinceIso: string): LiveRows<HandoverRow> {
  return useLiveEmbeddedRows({
    client,
    table: 'shift_handovers',
    embed: withNames,
    key: 'id',
    filter: { column: 'change_at', op: 'gte', value: sinceIso },
    version: 'version',
    sort: newestFirst,
  });
}
