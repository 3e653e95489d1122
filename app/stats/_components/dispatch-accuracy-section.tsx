/**
 * Dispatch accuracy per category (= its run card) on /stats and in the monthly report (issue #18 §5):
 * of the incidents whose agencies answered, how often the sent set was right, had an agency not
 * needed, or lacked one, and which agency most often. Takes loadDispatchAccuracy's rows.
 */
import type { DispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import { formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { StatsSection } from './stats-section';

export async function DispatchAccuracySection({ rows }: { rows: readonly DispatchAccuracy[] }) {
  const { t, lang } = await getT();
  const pct = (v: number) => `${formatNumber(Math.round(v * 100), lang)}%`;
  const top = (v: DispatchAccuracy['topUnneeded']) => (v ? t('accuracy.times', { agency: v.agency.name, times: formatNumber(v.times, lang) }) : t('stats.none'));
  return (
    <StatsSection title={t('accuracy.section.title')} test="stats-accuracy">
      <p className="mb-2 text-sm text-slate-600">{t('accuracy.section.note')}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600" data-test="stats-accuracy-none">
          {t('accuracy.section.none')}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th className="py-1 pr-3">{t('accuracy.col.category')}</th>
                <th className="py-1 pr-3 text-right">{t('accuracy.col.answered')}</th>
                <th className="py-1 pr-3 text-right">{t('accuracy.col.right')}</th>
                <th className="py-1 pr-3 text-right">{t('accuracy.col.unneeded')}</th>
                <th className="py-1 pr-3 text-right">{t('accuracy.col.missing')}</th>
                <th className="py-1 pr-3">{t('accuracy.col.topUnneeded')}</th>
                <th className="py-1">{t('accuracy.col.topMissing')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.category} className="border-t border-slate-200" data-test="stats-accuracy-row" data-category={r.category} data-answered={r.answered} data-right={r.right}>
                  <td className="py-1 pr-3">{t(`dispatch.category.${r.category}`)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(r.answered, lang)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(r.rightShare)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(r.unneededShare)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(r.missingShare)}</td>
                  <td className="py-1 pr-3">{top(r.topUnneeded)}</td>
                  <td className="py-1">{top(r.topMissing)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StatsSection>
  );
}
