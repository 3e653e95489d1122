/**
 * `GET /api/admin/audit?from&to&ticket&user&kind`: the audit trail as CSV (issue #13), streamed page
 * by page from admin_audit_trail as the signed-in admin (the database refuses anyone else), at most
 * MAX_ROWS rows; a longer export says so in its last line rather than ending silently.
 */
import { getSession } from '@/lib/auth/session';
import { createClient } from '@/lib/supabase/server';
import { parseAuditQuery } from '@/lib/domain/audit-query';
import { AUDIT_CSV_HEADER, auditCsvLine } from '@/lib/domain/audit-csv';
import { csvLine } from '@/lib/domain/csv';
import { readAuditPage } from '@/lib/data/audit-trail';

const PAGE = 1000;
export const MAX_ROWS = 50_000;

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (session.status !== 'active' || session.profile.role !== 'admin') {
    return Response.json({ code: 'forbidden_role' }, { status: session.status === 'signed_out' ? 401 : 403 });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseAuditQuery(params);
  if (!parsed.ok) return Response.json({ code: 'invalid_filter', field: parsed.problem }, { status: 400 });
  const { query } = parsed;
  const db = await createClient();
  // The first page is read before answering, so a refusal is an HTTP error and not a broken file.
  const firstPage = await readAuditPage(db, query, null, PAGE);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(AUDIT_CSV_HEADER));
        let page = firstPage;
        let written = 0;
        for (;;) {
          for (const row of page.rows.slice(0, MAX_ROWS - written)) controller.enqueue(encoder.encode(auditCsvLine(row)));
          written += Math.min(page.rows.length, MAX_ROWS - written);
          if (!page.next) break;
          if (written >= MAX_ROWS) {
            controller.enqueue(encoder.encode(csvLine([`# truncated after ${MAX_ROWS} rows; narrow the range`])));
            break;
          }
          page = await readAuditPage(db, query, page.next, PAGE);
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const name = `audit-${query.range.from}_${query.range.to}.csv`;
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
