/**
 * The table of major incidents of a period, one row each (public.stats_major_incidents), with the
 * translation passed in so that the monthly report (server) and /stats (live, browser) share it.
 */
import type { MajorIncidentStats } from '@/lib/data/major-incidents';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import type { Language } from '@/lib/i18n/languages';
import type { Translate } from '@/lib/i18n/translate';

export function MajorIncidentsTable({ rows, t, lang }: { rows: readonly MajorIncidentStats[]; t: Translate; lang: Language }) {
  const calls = rows.reduce((sum, r) => sum + Number(r.calls), 0);
  return rows.length === 0 ? (
    <p className="text-sm text-slate-600" data-test="stats-major-none">{t('stats.major.none')}</p>
  ) : (
    <>
      <p className="mb-2 text-sm text-slate-700" data-test="stats-major-summary" data-count={rows.length} data-calls={calls}>
        {t('stats.major.summary', { count: formatNumber(rows.length, lang), calls: formatNumber(calls, lang) })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th className="py-1 pr-3">{t('stats.major.col.title')}</th>
              <th className="py-1 pr-3">{t('stats.major.col.ticket')}</th>
              <th className="py-1 pr-3">{t('stats.major.col.declared')}</th>
              <th className="py-1 pr-3">{t('stats.major.col.ended')}</th>
              <th className="py-1 pr-3 text-right">{t('stats.major.col.calls')}</th>
              <th className="py-1 pr-3 text-right">{t('stats.major.col.peak')}</th>
              <th className="py-1 pr-3 text-right">{t('stats.major.col.agencies')}</th>
              <th className="py-1 text-right">{t('stats.major.col.casualties')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200" data-test="stats-major-row" data-major-id={r.id} data-calls={r.calls}>
                <td className="py-1 pr-3">
                  <div className="font-semibold">{r.title}</div>
                  <div className="text-xs text-slate-600">{t(`major.template.${r.template}` as MessageKey)}</div>
                </td>
                <td className="py-1 pr-3 font-mono">{r.ticket_no}</td>
                <td className="py-1 pr-3">{formatDateTime(r.declared_at, lang)}</td>
                <td className="py-1 pr-3">{r.ended_at ? formatDateTime(r.ended_at, lang) : t('stats.major.ongoing')}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(Number(r.calls), lang)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(r.peak_calls_per_minute, lang)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(Number(r.agencies), lang)}</td>
                <td className="py-1 text-right tabular-nums">
                  {[r.dead, r.seriously_injured, r.lightly_injured, r.evacuated].map((n) => formatNumber(Number(n), lang)).join(' / ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
