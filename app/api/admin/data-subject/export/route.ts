/**
 * `GET /api/admin/data-subject/export?phone&format=csv|json` (issue #22): everything held about a
 * number as a file for a request under UU PDP, read by data_subject_search with p_export=true as the
 * signed-in admin, so the database logs the export (screen data_subject_export) and refuses anyone
 * else. Attachment, never cached. A document over DATA_SUBJECT_ROW_LIMIT rows is refused by the
 * database before it logs anything (data_subject_too_large), answered here as 413 with the message
 * in the admin's language.
 */
import { z } from 'zod';
import { getSession } from '@/lib/auth/session';
import { createClient } from '@/lib/supabase/server';
import { parseSubjectPhone } from '@/lib/domain/data-subject-input';
import { dataSubjectCsv } from '@/lib/domain/data-subject-export';
import { searchDataSubject } from '@/lib/data/data-protection';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { getT } from '@/lib/i18n/server';

const querySchema = z.object({
  phone: z.string().max(64),
  format: z.enum(['csv', 'json']),
});

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (session.status !== 'active' || session.profile.role !== 'admin') {
    return Response.json({ code: 'forbidden_role' }, { status: session.status === 'signed_out' ? 401 : 403, headers: NO_STORE });
  }
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ code: 'invalid_filter' }, { status: 400, headers: NO_STORE });
  const phone = parseSubjectPhone(query.data.phone);
  if (!phone.ok) return Response.json({ code: phone.problem }, { status: 400, headers: NO_STORE });

  const found = await searchDataSubject(await createClient(), phone.value, true);
  if (!found.ok) {
    const { t } = await getT();
    return Response.json({ code: found.problem, message: t(workflowErrorKey(found.problem)) }, { status: 413, headers: NO_STORE });
  }
  const doc = found.doc;
  const body = query.data.format === 'csv' ? dataSubjectCsv(doc) : JSON.stringify(doc, null, 2);
  const bytes = new TextEncoder().encode(body);
  const day = doc.generated_at.slice(0, 10);
  return new Response(bytes, {
    headers: {
      ...NO_STORE,
      'content-type': query.data.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="data-subjek-${day}.${query.data.format}"`,
      'content-length': String(bytes.byteLength),
    },
  });
}
