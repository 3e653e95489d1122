/**
 * Laporan Bulanan — the printable monthly report for leadership (issue #17): the incidents by the
 * categories of Permenkominfo 10/2016, the call funnel, time per stage against the targets, the
 * agencies' response times and scorecard, incidents per kecamatan, the month's major incidents, dispatch
 * accuracy, the 15-minute coverage estimate (as a table) and,
 * for supervisors and admins only (the database refuses anyone else), the per-operator figures.
 * Server-rendered from the statistics functions with the reader's session; A4 print CSS in
 * monthly-print.css. Outside the app shell so that paper carries only the report.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime, formatDuration, formatNumber } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { loadCallFunnel, loadStatsReport, mayViewOperatorStats } from '@/lib/data/stats';
import { readMajorIncidentStats } from '@/lib/data/major-incidents';
import { parseReportMonth } from '@/lib/domain/report-month';
import { REPORT_CATEGORIES, countByReportCategory } from '@/lib/domain/report-categories';
import { CountBarChart } from '@/components/charts/count-bar-chart';
import { SlaShareChart } from '@/components/charts/sla-share-chart';
import { PrintButton } from '@/components/ui/print-button';
import { MajorIncidentsSection } from '@/app/stats/_components/major-incidents-section';
import { DispatchAccuracySection } from '@/app/stats/_components/dispatch-accuracy-section';
import { CoverageSection } from '@/app/stats/_components/coverage-section';
import { loadCoverage, loadDispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import './monthly-print.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('report.monthly.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const th = 'border-b border-slate-400 px-1 py-1 text-left font-semibold';
const td = 'border-b border-slate-200 px-1 py-0.5 tabular-nums';

export default async function MonthlyReportPage({ searchParams }: { searchParams: SearchParams }) {
  const { profile } = await requireRole('leadership', 'supervisor', 'admin');
  const { t, lang } = await getT();
  const raw = (await searchParams).month;
  const { month, range } = parseReportMonth(Array.isArray(raw) ? raw[0] : raw);
  const withOperators = mayViewOperatorStats(profile.role);
  const client = await createClient();
  const [report, funnel, majors, accuracy, coverage] = await Promise.all([
    loadStatsReport(client, range, { operators: withOperators }),
    loadCallFunnel(client, range),
    readMajorIncidentStats(client, { from: range.fromIso, to: range.toIso }),
    loadDispatchAccuracy(client, range),
    loadCoverage(client),
  ]);
  const categories = countByReportCategory(report.categories);
  const totalIncidents = REPORT_CATEGORIES.reduce((sum, c) => sum + categories[c], 0);
  const monthName = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date(range.fromIso));
  const none = t('stats.none');
  const pct = (v: number | null) => (v === null ? none : `${Math.round(v * 100)}%`);
  const share = (part: number, whole: number) => (whole > 0 ? pct(part / whole) : none);
  const secs = (v: number | null) => formatDuration(v, none);
  const funnelRows: Array<{ key: string; label: string; value: number; of: string }> = [
    { key: 'incoming', label: t('report.funnel.incoming'), value: funnel.incoming, of: '' },
    { key: 'answered', label: t('report.funnel.answered'), value: funnel.answered, of: `${share(funnel.answered, funnel.incoming)} ${t('report.funnel.ofIncoming')}` },
    { key: 'unanswered', label: t('report.funnel.unanswered'), value: funnel.unansweredEnded, of: `${share(funnel.unansweredEnded, funnel.incoming)} ${t('report.funnel.ofIncoming')}` },
    { key: 'classified', label: t('report.funnel.classified'), value: funnel.classified, of: `${share(funnel.classified, funnel.incoming)} ${t('report.funnel.ofIncoming')}` },
    { key: 'emergency', label: t('report.funnel.emergency'), value: funnel.types.emergency, of: `${share(funnel.types.emergency, funnel.classified)} ${t('report.funnel.ofClassified')}` },
    { key: 'ghost', label: t('report.funnel.ghost'), value: funnel.types.ghost, of: `${share(funnel.types.ghost, funnel.classified)} ${t('report.funnel.ofClassified')}` },
    { key: 'prank', label: t('report.funnel.prank'), value: funnel.types.prank, of: `${share(funnel.types.prank, funnel.classified)} ${t('report.funnel.ofClassified')}` },
    { key: 'info', label: t('report.funnel.info'), value: funnel.types.info, of: `${share(funnel.types.info, funnel.classified)} ${t('report.funnel.ofClassified')}` },
  ];

  return (
    <article className="monthly-sheet mx-auto my-4 max-w-4xl bg-white p-6 text-slate-950 shadow" data-test="monthly-report" data-month={month}>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3 print:hidden">
        <Link href="/stats" className="text-sm text-blue-700 underline">
          {t('report.monthly.back')}
        </Link>
        <form method="get" className="flex items-end gap-2 text-sm">
          <label className="flex flex-col">
            {t('report.monthly.month')}
            <input type="month" name="month" defaultValue={month} className="rounded border border-slate-300 px-2 py-1" data-test="monthly-month" />
          </label>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1" data-test="monthly-show">
            {t('report.monthly.show')}
          </button>
        </form>
        <PrintButton label={t('report.monthly.print')} />
      </div>

      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs uppercase tracking-wide">{t('report.monthly.city')}</p>
        <h1 className="text-2xl font-bold" data-test="monthly-title">{t('report.monthly.title')}</h1>
        <p className="text-sm" data-test="monthly-period">{t('report.monthly.period', { month: monthName })}</p>
        <p className="text-xs text-slate-600">{t('report.monthly.printedAt', { time: formatDateTime(new Date(), lang) })}</p>
      </header>

      <section className="mt-4" data-test="monthly-categories">
        <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.categories')}</h2>
        <div className="grid grid-cols-2 gap-4">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th className={th}>{t('report.monthly.category')}</th>
                <th className={th}>{t('report.monthly.incidents')}</th>
                <th className={th}>{t('report.monthly.share')}</th>
              </tr>
            </thead>
            <tbody>
              {REPORT_CATEGORIES.map((c) => (
                <tr key={c} data-test="monthly-category-row" data-category={c} data-count={categories[c]}>
                  <td className={td}>{t(`report.category.${c}`)}</td>
                  <td className={td}>{formatNumber(categories[c], lang)}</td>
                  <td className={td}>{share(categories[c], totalIncidents)}</td>
                </tr>
              ))}
              <tr className="font-semibold" data-test="monthly-category-total" data-count={totalIncidents}>
                <td className={td}>{t('report.monthly.total')}</td>
                <td className={td}>{formatNumber(totalIncidents, lang)}</td>
                <td className={td} />
              </tr>
            </tbody>
          </table>
          <CountBarChart name={t('report.monthly.incidents')} rows={REPORT_CATEGORIES.map((c) => ({ key: c, label: t(`report.category.${c}`), value: categories[c] }))} />
        </div>
        <p className="mt-1 text-xs text-slate-600">{t('report.monthly.categoriesNote')}</p>
      </section>

      <section className="mt-4" data-test="monthly-funnel">
        <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.funnel')}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <th className={th}>{t('report.funnel.stage')}</th>
              <th className={th}>{t('report.funnel.calls')}</th>
              <th className={th}>{t('report.monthly.share')}</th>
            </tr>
          </thead>
          <tbody>
            {funnelRows.map((r) => (
              <tr key={r.key} data-test="monthly-funnel-row" data-step={r.key} data-count={r.value}>
                <td className={td}>{r.label}</td>
                <td className={td}>{formatNumber(r.value, lang)}</td>
                <td className={td}>{r.of}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="mt-4" data-test="monthly-sla">
        <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.sla')}</h2>
        <div className="grid grid-cols-2 gap-4">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th className={th}>{t('stats.col.stage')}</th>
                <th className={th}>{t('stats.col.target')}</th>
                <th className={th}>{t('stats.col.samples')}</th>
                <th className={th}>{t('stats.col.within')}</th>
                <th className={th}>{t('stats.col.p50')}</th>
              </tr>
            </thead>
            <tbody>
              {report.sla.map((s) => (
                <tr key={s.stage} data-test="monthly-sla-row" data-stage={s.stage}>
                  <td className={td}>{t(`wall.stage.${s.stage}`)}</td>
                  <td className={td}>{formatDuration(s.targetSeconds)}</td>
                  <td className={td}>{s.samples}</td>
                  <td className={td}>{pct(s.withinShare)}</td>
                  <td className={td}>{secs(s.p50)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="h-[260px]">
            <SlaShareChart stages={report.sla.map((s) => ({ key: s.stage, label: t(`wall.stage.${s.stage}`), share: s.withinShare }))} />
          </div>
        </div>
      </section>

      <section className="mt-4" data-test="monthly-agencies">
        <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.agencies')}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <th className={th}>{t('stats.col.agency')}</th>
              <th className={th}>{t('stats.col.assignments')}</th>
              <th className={th}>{t('stats.col.ack')}</th>
              <th className={th}>{t('stats.col.scene')}</th>
            </tr>
          </thead>
          <tbody>
            {report.agencies.map((a) => (
              <tr key={a.code} data-test="monthly-agency-row" data-code={a.code}>
                <td className={td}>{a.code} · {a.name}</td>
                <td className={td}>{a.assignments}</td>
                <td className={td}>{secs(a.p50Ack)} / {secs(a.p90Ack)}</td>
                <td className={td}>{secs(a.p50OnScene)} / {secs(a.p90OnScene)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mb-1 mt-3 font-semibold">{t('report.monthly.scorecard')}</h3>
        <table className="w-full border-collapse text-sm" data-test="monthly-scorecard">
          <thead>
            <tr>
              <th className={th}>{t('stats.col.agency')}</th>
              <th className={th}>{t('report.scorecard.acknowledgedShare')}</th>
              <th className={th}>{t('report.scorecard.declined')}</th>
              <th className={th}>{t('report.scorecard.completed')}</th>
              <th className={th}>{t('report.scorecard.ackWithin')}</th>
              <th className={th}>{t('report.scorecard.sceneWithin')}</th>
            </tr>
          </thead>
          <tbody>
            {report.agencies.map((a) => (
              <tr key={a.code} data-test="monthly-scorecard-row" data-code={a.code}>
                <td className={td}>{a.code}</td>
                <td className={td}>{share(a.acknowledged, a.assignments)}</td>
                <td className={td}>{share(a.declined, a.assignments)}</td>
                <td className={td}>{share(a.completed, a.assignments)}</td>
                <td className={td}>{pct(a.ackShare)}</td>
                <td className={td}>{pct(a.onSceneShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="mt-4" data-test="monthly-kecamatan">
        <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.kecamatan')}</h2>
        <div className="grid grid-cols-2 gap-4">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th className={th}>{t('stats.col.kecamatan')}</th>
                <th className={th}>{t('stats.col.incidents')}</th>
                <th className={th}>{t('stats.col.sceneP50')}</th>
                <th className={th}>{t('stats.col.sceneShare')}</th>
              </tr>
            </thead>
            <tbody>
              {report.kecamatan.map((k) => (
                <tr key={k.kecamatan ?? '-'} data-test="monthly-kecamatan-row">
                  <td className={td}>{k.kecamatan ?? t('stats.kecamatan.unknown')}</td>
                  <td className={td}>{k.incidents}</td>
                  <td className={td}>{secs(k.p50OnScene)}</td>
                  <td className={td}>{pct(k.onSceneShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CountBarChart
            name={t('stats.col.incidents')}
            colour="#2563eb"
            rows={report.kecamatan.map((k) => ({ key: k.kecamatan ?? '-', label: k.kecamatan ?? t('stats.kecamatan.unknown'), value: k.incidents }))}
          />
        </div>
      </section>

      <div className="mt-4">
        <MajorIncidentsSection rows={majors} />
      </div>
      <div className="mt-4" data-test="monthly-accuracy">
        <DispatchAccuracySection rows={accuracy} />
      </div>
      <div className="mt-4" data-test="monthly-coverage">
        <CoverageSection coverage={coverage} maps={false} />
      </div>

      {withOperators && (
        <section className="mt-4" data-test="monthly-operators">
          <h2 className="mb-1 text-lg font-semibold">{t('report.monthly.operators')}</h2>
          {report.operators.length === 0 ? (
            <p className="text-sm text-slate-600">{t('report.monthly.empty')}</p>
          ) : (
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th className={th}>{t('stats.col.operator')}</th>
                  <th className={th}>{t('stats.col.calls')}</th>
                  <th className={th}>{t('stats.col.emergencies')}</th>
                  <th className={th}>{t('stats.col.answer')}</th>
                  <th className={th}>{t('stats.col.total')}</th>
                  <th className={th}>{t('stats.col.totalShare')}</th>
                </tr>
              </thead>
              <tbody>
                {report.operators.map((o) => (
                  <tr key={o.id} data-test="monthly-operator-row">
                    <td className={td}>{o.name}</td>
                    <td className={td}>{o.calls}</td>
                    <td className={td}>{o.emergencies}</td>
                    <td className={td}>{secs(o.p50Answer)}</td>
                    <td className={td}>{secs(o.p50Total)}</td>
                    <td className={td}>{pct(o.totalShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </article>
  );
}
