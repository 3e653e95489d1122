/**
 * The tables of the statistics page: SLA per stage, agency response times, per-operator stage times
 * (for supervisors and admins only; the database refuses them to leadership, so nothing is hidden here).
 */
import type { StatsReport } from '@/lib/data/stats';
import { formatDuration } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { StatsSection } from './stats-section';

const th = 'px-2 py-1 text-left font-semibold text-slate-600';
const td = 'px-2 py-1 tabular-nums';

export async function StatsTables({ report, operators }: { report: StatsReport; operators: boolean }) {
  const { t } = await getT();
  const none = t('stats.none');
  const secs = (v: number | null) => formatDuration(v, none);
  const pct = (v: number | null) => (v === null ? none : `${Math.round(v * 100)}%`);
  return (
    <div className="grid gap-4">
      <StatsSection title={t('stats.section.sla')} test="stats-sla-table">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th className={th}>{t('stats.col.stage')}</th>
              <th className={th}>{t('stats.col.target')}</th>
              <th className={th}>{t('stats.col.samples')}</th>
              <th className={th}>{t('stats.col.within')}</th>
              <th className={th}>{t('stats.col.p50')}</th>
              <th className={th}>{t('stats.col.p90')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sla.map((s) => (
              <tr key={s.stage} className="border-b border-slate-100" data-test="stats-sla-row" data-stage={s.stage} data-target={s.targetSeconds}>
                <td className="px-2 py-1">{t(`wall.stage.${s.stage}`)}</td>
                <td className={td}>{formatDuration(s.targetSeconds)}</td>
                <td className={td}>{s.samples}</td>
                <td className={td}>{pct(s.withinShare)}</td>
                <td className={td}>{secs(s.p50)}</td>
                <td className={td}>{secs(s.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </StatsSection>
      <StatsSection title={t('stats.section.agencies')} test="stats-agencies">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th className={th}>{t('stats.col.agency')}</th>
                <th className={th}>{t('stats.col.assignments')}</th>
                <th className={th}>{t('stats.col.declined')}</th>
                <th className={th}>{t('stats.col.ack')}</th>
                <th className={th}>{t('stats.col.ackShare')}</th>
                <th className={th}>{t('stats.col.scene')}</th>
                <th className={th}>{t('stats.col.sceneShare')}</th>
              </tr>
            </thead>
            <tbody>
              {report.agencies.map((a) => (
                <tr key={a.code} className="border-b border-slate-100" data-test="stats-agency-row" data-code={a.code}>
                  <td className="px-2 py-1">
                    <span className="font-semibold">{a.code}</span> <span className="text-slate-600">{a.name}</span>
                  </td>
                  <td className={td}>{a.assignments}</td>
                  <td className={td}>{a.declined}</td>
                  <td className={td}>
                    {secs(a.p50Ack)} / {secs(a.p90Ack)}
                  </td>
                  <td className={td}>{pct(a.ackShare)}</td>
                  <td className={td}>
                    {secs(a.p50OnScene)} / {secs(a.p90OnScene)}
                  </td>
                  <td className={td}>{pct(a.onSceneShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </StatsSection>
      {operators && (
      <StatsSection title={t('stats.section.operators')} test="stats-operators">
        {report.operators.length === 0 ? (
          <p className="text-sm text-slate-600">{t('stats.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t('stats.col.operator')}</th>
                  <th className={th}>{t('stats.col.calls')}</th>
                  <th className={th}>{t('stats.col.emergencies')}</th>
                  <th className={th}>{t('stats.col.nuisance')}</th>
                  <th className={th}>{t('stats.col.answer')}</th>
                  <th className={th}>{t('stats.col.classify')}</th>
                  <th className={th}>{t('stats.col.record')}</th>
                  <th className={th}>{t('stats.col.close')}</th>
                  <th className={th}>{t('stats.col.total')}</th>
                  <th className={th}>{t('stats.col.totalShare')}</th>
                </tr>
              </thead>
              <tbody>
                {report.operators.map((o) => (
                  <tr key={o.id} className="border-b border-slate-100" data-test="stats-operator-row">
                    <td className="px-2 py-1">{o.name}</td>
                    <td className={td}>{o.calls}</td>
                    <td className={td}>{o.emergencies}</td>
                    <td className={td}>{o.nuisance}</td>
                    <td className={td}>{secs(o.p50Answer)}</td>
                    <td className={td}>{secs(o.p50Classify)}</td>
                    <td className={td}>{secs(o.p50Record)}</td>
                    <td className={td}>{secs(o.p50Close)}</td>
                    <td className={td}>{secs(o.p50Total)}</td>
                    <td className={td}>{pct(o.totalShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </StatsSection>
      )}
    </div>
  );
}
