/**
 * `GET /api/stats/export?table&from&to&format`: one table of /stats as a CSV file (issue #17; dispatch
 * accuracy and coverage, issue #18 §5), read
 * through the statistics functions with the caller's own session, so the database decides what the
 * caller may see. `format=excel` writes what Excel under id-ID opens by double-click (BOM, `;`).
 * Bounded by the statistics range (at most MAX_RANGE_DAYS days, invalid ranges fall back to the
 * page's default, named in the file name) and by the functions' aggregates: no caller data.
 */
import { getSession } from '@/lib/auth/session';
import { createClient } from '@/lib/supabase/server';
import { getT } from '@/lib/i18n/server';
import { loadStatsReport, mayViewOperatorStats } from '@/lib/data/stats';
import { ReadError } from '@/lib/data/read';
import { parseStatsRange } from '@/lib/domain/stats-range';
import { isStatsTable, statsCsv, statsCsvName } from '@/lib/domain/stats-csv';
import { accuracyCsv, accuracyCsvName, coverageCsv, isAccuracyTable } from '@/lib/domain/accuracy-csv';
import { loadCoverage, loadDispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import type { CsvDialect } from '@/lib/domain/csv';
import type { AppRole } from '@/lib/domain/workflow';

const VIEWERS: readonly AppRole[] = ['leadership', 'supervisor', 'admin'];
const FORMATS: Readonly<Record<string, CsvDialect>> = { csv: 'rfc', excel: 'excel' };
/** Dates are 10 characters; anything longer is not a date and is not parsed at all. */
const MAX_PARAM = 32;

function param(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  return all.length === 1 && all[0].length <= MAX_PARAM ? all[0] : undefined;
}

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (session.status !== 'active' || !VIEWERS.includes(session.profile.role)) {
    return Response.json({ code: 'forbidden_role' }, { status: session.status === 'signed_out' ? 401 : 403 });
  }
  const params = new URL(request.url).searchParams;
  const table = param(params, 'table');
  if (!isStatsTable(table) && !isAccuracyTable(table)) return Response.json({ code: 'invalid_filter', field: 'table' }, { status: 400 });
  const format = param(params, 'format') ?? 'csv';
  const dialect = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (!dialect) return Response.json({ code: 'invalid_filter', field: 'format' }, { status: 400 });
  const range = parseStatsRange(param(params, 'from'), param(params, 'to'));

  // The database refuses per-operator figures to leadership as well; this answers it plainly.
  if (table === 'operators' && !mayViewOperatorStats(session.profile.role)) {
    return Response.json({ code: 'forbidden_role' }, { status: 403 });
  }

  let body: string;
  try {
    const client = await createClient();
    const { t } = await getT();
    if (table === 'accuracy') body = accuracyCsv(await loadDispatchAccuracy(client, range), dialect, t);
    else if (table === 'coverage') body = coverageCsv(await loadCoverage(client), dialect, t);
    else body = statsCsv(await loadStatsReport(client, range, { operators: table === 'operators' }), table, dialect, t);
  } catch (error) {
    // Read before answering, so a failure is an HTTP error and never a half-written file.
    if (error instanceof ReadError) return Response.json({ code: 'read_failed', what: error.what }, { status: 500 });
    throw error;
  }
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${isAccuracyTable(table) ? accuracyCsvName(table, range, dialect) : statsCsvName(table, range, dialect)}"`,
      'cache-control': 'no-store',
    },
  });
}
