/**
 * The audit trail viewer's reads (issue #13): one keyset page of `admin_audit_trail` (workflow and
 * admin events together, newest first), for the screen and, page after page, for the CSV export.
 */
import type { Database } from '@/lib/supabase/database.types';
import type { AuditCursor, AuditQuery } from '@/lib/domain/audit-query';
import type { Db } from './db';
import { readData } from './read';

export type AuditRow = Database['public']['Functions']['admin_audit_trail']['Returns'][number];

export interface AuditPage {
  rows: AuditRow[];
  /** Where the next page starts; null on the last page. */
  next: AuditCursor | null;
}

export async function readAuditPage(db: Db, query: AuditQuery, after: AuditCursor | null, pageSize: number): Promise<AuditPage> {
  // One row more than shown tells whether there is a next page without a count over the whole trail.
  const rows = readData(
    'audit trail',
    await db.rpc('admin_audit_trail', {
      p_from: query.range.fromIso,
      p_to: query.range.toIso,
      p_ticket: query.ticket ?? undefined,
      p_user_id: query.userId ?? undefined,
      p_kind: query.kind ?? undefined,
      p_after_at: after?.at,
      p_after_key: after?.key,
      p_limit: pageSize + 1,
    }),
  );
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return { rows: shown, next: rows.length > pageSize && last ? { at: last.at, key: last.event_key } : null };
}
