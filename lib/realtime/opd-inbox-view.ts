/**
 * The OPD inbox's live view, defined once for the app (use-live-opd-assignments.ts) and for the
 * disaster-day benchmark's screens and fresh reads (bench/disaster-day/screens.ts): the agency's
 * assignments with their incidents embedded, bounded to a window (issue #19) — every open
 * assignment, however many, and the newest finished ones. Before the window a liaison's phone
 * downloaded and kept the agency's whole history (the seed's 90 days: over 1,000 rows for the busy
 * agencies) to show ten of it.
 */
import type { Db } from '@/lib/data/db';
import { OPD_ASSIGNMENT_SELECT, type OpdAssignment } from '@/lib/data/opd';
import { ASSIGNMENT_STATUSES, UNFINISHED_ASSIGNMENT_STATUSES } from '@/lib/domain/workflow';
import { createEmbedView, readViewRows, type EmbedViewOptions, type LiveColumn, type TableQuery } from './live-table';
import type { LiveView, RowsAnswer } from './live-view';
import type { LiveWindow } from './live-window';

/** Completed, declined and withdrawn: the agency is done with them. */
const FINISHED_ASSIGNMENT_STATUSES = ASSIGNMENT_STATUSES.filter((s) => !UNFINISHED_ASSIGNMENT_STATUSES.includes(s));

/**
 * How many finished assignments the phone holds. The inbox lists the ten newest completed or
 * declined ones (what the liaison just did: to reread a report, or to see a decline went through);
 * withdrawn ones are not listed but stay in the window so the location sharing sees its claim end.
 * Twenty leaves room for those and covers a shift of the busiest seeded agency with time to spare.
 */
export const OPD_INBOX_FINISHED_LIMIT = 20;

/**
 * Open assignments always; of the finished, the ones changed last. `updated_at` is stamped by every
 * update (the touch trigger), so an old assignment whose feedback or counts are given later comes
 * back into the window as a fresh read would have it, and the seed stamps its history the same way.
 */
export const OPD_INBOX_WINDOW: LiveWindow<LiveColumn<'assignments'>> = {
  always: { column: 'status', op: 'in', value: UNFINISHED_ASSIGNMENT_STATUSES },
  recent: { column: 'status', op: 'in', value: FINISHED_ASSIGNMENT_STATUSES },
  newest: 'updated_at',
  limit: OPD_INBOX_FINISHED_LIMIT,
};

// supabase-js types the rows from the select string; they are OpdAssignment rows, whose incident
// may also be null (an incident RLS hides from the agency embeds as null).
const inbox = (from: TableQuery<'assignments'>) => from.select(OPD_ASSIGNMENT_SELECT);

/** The inbox's view options; filtering by agency keeps other agencies' assignments on shared incidents out. */
export function opdInboxViewOptions(client: Db, agencyId: string): EmbedViewOptions<'assignments', OpdAssignment> {
  return {
    client,
    table: 'assignments',
    embed: inbox,
    key: 'id',
    version: 'version',
    filter: { column: 'agency_id', op: 'eq', value: agencyId },
    window: OPD_INBOX_WINDOW,
    // The inbox shows each incident's status: a closing (no assignment changes) must reach it too.
    follow: { table: 'incidents', column: 'incident_id' },
  };
}

export function createOpdInboxView(client: Db, agencyId: string): LiveView<OpdAssignment> {
  return createEmbedView(opdInboxViewOptions(client, agencyId));
}

/** The same window read afresh, without a live view (the benchmark compares the two). */
export function readOpdInbox(client: Db, agencyId: string): Promise<RowsAnswer<OpdAssignment[]>> {
  return readViewRows(
    () => client.from('assignments').select(OPD_ASSIGNMENT_SELECT).eq('agency_id', agencyId),
    (q) => q,
    'id',
    OPD_INBOX_WINDOW,
    (row) => row.id,
  );
}
