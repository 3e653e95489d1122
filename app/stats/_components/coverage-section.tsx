/**
 * 15-minute coverage per agency kind (issue #18 §5) on /stats (maps and table) and in the monthly
 * report (table, maps too on screen and paper): the population share whose nearest post of the kind
 * is within 15 minutes by the ETA estimate. Labelled as an estimate, with how population was found.
 */
import type { Coverage } from '@/lib/data/dispatch-accuracy';
import { CITY_POPULATION_2020, KELURAHAN_AREAS } from '@/lib/domain/coverage';
import { ROAD_FACTOR, URBAN_SPEED_KMH } from '@/lib/domain/eta';
import { formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { CoverageMap } from './coverage-map';
import { StatsSection } from './stats-section';

export async function CoverageSection({ coverage, maps = true }: { coverage: Coverage; maps?: boolean }) {
  const { t, lang } = await getT();
  const pct = (v: number) => `${formatNumber(Math.round(v * 100), lang)}%`;
  const kindName = (kind: Coverage['kinds'][number]['kind']) => t(`agencyKind.${kind}`);
  return (
    <StatsSection title={t('coverage.title')} test="stats-coverage">
      <p className="mb-1 text-sm font-semibold text-amber-900" data-test="coverage-estimate">
        {t('coverage.estimate')}
      </p>
      <p className="text-xs text-slate-600">{t('coverage.method', { factor: formatNumber(ROAD_FACTOR, lang, { fractionDigits: 1 }), speed: formatNumber(URBAN_SPEED_KMH, lang) })}</p>
      <p className="mb-3 text-xs text-slate-600" data-test="coverage-population-note">
        {t('coverage.population', { total: formatNumber(CITY_POPULATION_2020, lang), areas: formatNumber(KELURAHAN_AREAS.length, lang) })}
      </p>
      {coverage.kinds.length === 0 ? (
        <p className="text-sm text-slate-600">{t('coverage.none')}</p>
      ) : (
        <>
          {maps && (
            <>
              <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
                <li className="flex items-center gap-1">
                  <svg width="12" height="12" viewBox="0 0 12 12"><circle cx="6" cy="6" r="5" fill="#15803d" /></svg>
                  {t('coverage.legend.reached')}
                </li>
                <li className="flex items-center gap-1">
                  <svg width="12" height="12" viewBox="0 0 12 12"><circle cx="6" cy="6" r="4.5" fill="#fff" stroke="#b91c1c" strokeWidth="1.6" /><path d="M3.6 3.6L8.4 8.4M8.4 3.6L3.6 8.4" stroke="#b91c1c" strokeWidth="1.4" /></svg>
                  {t('coverage.legend.notReached')}
                </li>
                <li className="flex items-center gap-1">
                  <svg width="12" height="12" viewBox="0 0 12 12"><rect x="2.5" y="2.5" width="7" height="7" fill="#1e293b" transform="rotate(45 6 6)" /></svg>
                  {t('coverage.legend.post')}
                </li>
              </ul>
              <div className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                {coverage.kinds.map((k) => (
                  <figure key={k.kind} className="flex flex-col gap-1" data-test="coverage-kind" data-kind={k.kind} data-share={k.share.toFixed(4)}>
                    <figcaption className="text-sm">
                      <span className="font-semibold">{kindName(k.kind)}</span> · {t('coverage.share', { share: pct(k.share) })}
                    </figcaption>
                    <CoverageMap
                      coverage={k}
                      posts={coverage.posts}
                      label={t('coverage.mapLabel', { kind: kindName(k.kind), reached: formatNumber(k.kelurahan.filter((r) => r.reachable).length, lang), areas: formatNumber(k.kelurahan.length, lang) })}
                    />
                  </figure>
                ))}
              </div>
            </>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-test="coverage-table">
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th className="py-1 pr-3">{t('coverage.col.kind')}</th>
                  <th className="py-1 pr-3 text-right">{t('coverage.col.posts')}</th>
                  <th className="py-1 pr-3 text-right">{t('coverage.col.kelurahan')}</th>
                  <th className="py-1 pr-3 text-right">{t('coverage.col.population')}</th>
                  <th className="py-1 text-right">{t('coverage.col.share')}</th>
                </tr>
              </thead>
              <tbody>
                {coverage.kinds.map((k) => (
                  <tr key={k.kind} className="border-t border-slate-200" data-test="coverage-row" data-kind={k.kind}>
                    <td className="py-1 pr-3">{kindName(k.kind)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(k.posts, lang)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">
                      {formatNumber(k.kelurahan.filter((r) => r.reachable).length, lang)} / {formatNumber(k.kelurahan.length, lang)}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(k.reachablePopulation, lang)}</td>
                    <td className="py-1 text-right tabular-nums">{pct(k.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </StatsSection>
  );
}
