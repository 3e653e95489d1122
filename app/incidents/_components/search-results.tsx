/**
 * The incidents found, newest first, as a list of links that reads on a 360 px phone and at
 * 1366 px alike (a table would need sideways scrolling on the phone).
 */
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import type { FoundIncident } from '@/lib/data/incident-search';
import { placeLine } from '@/lib/domain/incident-place';
import { isIncidentOpen } from '@/lib/domain/workflow';
import { CategoryIcon } from '@/components/ui/category-icon';

export async function SearchResults({ rows }: { rows: FoundIncident[] }) {
  const { t, lang } = await getT();
  if (rows.length === 0) {
    return (
      <p className="text-slate-700" data-test="find-empty">
        {t('find.empty')}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2" data-test="find-results">
      {rows.map((r) => {
        const place = placeLine(r.address, r.kelurahan, r.kecamatan);
        return (
          <li key={r.id}>
            <Link
              href={`/incidents/${r.id}`}
              className="flex flex-col gap-1 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
              data-test="find-result"
              data-ticket={r.ticket_no}
              data-status={r.status}
            >
              <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono font-semibold">{r.ticket_no}</span>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-semibold ${isIncidentOpen(r.status) ? 'bg-amber-100 text-amber-900' : r.status === 'cancelled' ? 'bg-slate-200 text-slate-800' : 'bg-emerald-100 text-emerald-900'}`}
                >
                  {t(`dispatch.status.${r.status}`)}
                </span>
                <span className="text-sm text-slate-700">{formatDateTime(r.reported_at, lang)}</span>
              </span>
              <span className="flex items-center gap-1.5 text-sm font-semibold">
                <CategoryIcon category={r.category} />
                {t(`dispatch.category.${r.category}`)} · {t(`dispatch.priority.${r.priority}`)}
              </span>
              {place ? <span className="break-words text-sm text-slate-800">{place}</span> : null}
              <span className="line-clamp-2 break-words text-sm text-slate-600">{r.description}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
