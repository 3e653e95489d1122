/**
 * Statistics for leadership, supervisors and admins: a WIB date range (default the last 30 days) and
 * the statistics functions' aggregates as charts and tables. Read on the server per request; no
 * caller data exists in any of the figures. Dispatch accuracy and the 15-minute coverage estimate
 * (issue #18 §5) below the tables. Links to the wall display.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { loadStatsReport, mayViewOperatorStats } from '@/lib/data/stats';
import { MAX_RANGE_DAYS, readStatsRange } from '@/lib/domain/stats-range';
import { Alert } from '@/components/ui/alert';
import { formatDate } from '@/lib/i18n/format';
import type { CallType } from '@/lib/domain/workflow';
import { CallsByTypeChart } from '@/components/charts/calls-by-type-chart';
import { CountBarChart } from '@/components/charts/count-bar-chart';
import { SlaShareChart } from '@/components/charts/sla-share-chart';
import { StatsRangeForm } from './_components/stats-range-form';
import { StatsSection } from './_components/stats-section';
import { StatsTables } from './_components/stats-tables';
import { AnswerKpiSection } from './_components/answer-kpi-section';
import { StatsExportLinks } from './_components/stats-export-links';
import { DispatchAccuracySection } from './_components/dispatch-accuracy-section';
import { CoverageSection } from './_components/coverage-section';
import { loadCoverage, loadDispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import { LiveMajorIncidentsSection } from './_components/live-major-incidents-section';
import { readMajorIncidentStats } from '@/lib/data/major-incidents';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.stats') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  const { profile } = await requireRole('leadership', 'supervisor', 'admin');
  const withOperators = mayViewOperatorStats(profile.role);
  const { t, lang } = await getT();
  const params = await searchParams;
  const { range, problem } = readStatsRange(one(params.from), one(params.to));
  const client = await createClient();
  const majorRange = { from: range.fromIso, to: range.toIso };
  const [report, accuracy, coverage, majors] = await Promise.all([
    loadStatsReport(client, range, { operators: withOperators }),
    loadDispatchAccuracy(client, range),
    loadCoverage(client),
    readMajorIncidentStats(client, majorRange),
  ]);
  const typeLabels: Record<CallType, string> = {
    emergency: t('callType.emergency'),
    ghost: t('callType.ghost'),
    prank: t('callType.prank'),
    info: t('callType.info'),
  };

  const shownFrom = formatDate(range.fromIso, lang);
  const shownTo = formatDate(range.to + 'T12:00:00+07:00', lang);

  return (
    <section className="mx-auto flex w-full max-w-7xl flex-col gap-4 p-4" data-test="stats">
      {problem && (
        <Alert data-test="stats-range-problem" data-problem={problem}>
          {t(`stats.range.problem.${problem}`, { from: shownFrom, to: shownTo, days: range.days, max: MAX_RANGE_DAYS })}
        </Alert>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold" data-test="page-title">
            {t('stats.title')}
          </h1>
          <p className="text-sm text-slate-600" data-test="stats-range">
            {t('stats.range.summary', { from: shownFrom, to: shownTo, days: range.days })}
          </p>
        </div>
        <div className="flex items-end gap-4">
          <StatsRangeForm from={range.from} to={range.to} labels={{ from: t('stats.range.from'), to: t('stats.range.to'), apply: t('stats.range.apply') }} />
          <Link href="/wall" className="font-semibold text-brand-700 underline" data-test="open-wall">
            {t('page.openWall')}
          </Link>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <StatsSection title={t('stats.section.calls')} test="stats-calls">
          <CallsByTypeChart
            typeLabels={typeLabels}
            days={report.daily.map((d) => ({ label: formatDate(d.day, lang).replace(/ \d{4}$/, ''), counts: d.counts }))}
          />
        </StatsSection>
        <StatsSection title={t('stats.section.sla')} test="stats-sla">
          <div className="h-[280px]">
            <SlaShareChart stages={report.sla.map((s) => ({ key: s.stage, label: t(`wall.stage.${s.stage}`), share: s.withinShare }))} />
          </div>
        </StatsSection>
        <AnswerKpiSection kpi={report.answer} />
        <StatsSection title={t('stats.section.categories')} test="stats-categories">
          <CountBarChart
            name={t('stats.col.incidents')}
            rows={report.categories.map((c) => ({ key: c.category, label: t(`dispatch.category.${c.category}`), value: c.incidents }))}
          />
        </StatsSection>
        <StatsSection title={t('stats.section.kecamatan')} test="stats-kecamatan">
          <CountBarChart
            name={t('stats.col.incidents')}
            colour="#2563eb"
            rows={report.kecamatan.map((k) => ({ key: k.kecamatan ?? '-', label: k.kecamatan ?? t('stats.kecamatan.unknown'), value: k.incidents }))}
          />
        </StatsSection>
      </div>
      <LiveMajorIncidentsSection initial={majors} range={majorRange} />
      <StatsTables report={report} operators={withOperators} />
      <DispatchAccuracySection rows={accuracy} />
      <CoverageSection coverage={coverage} />
      <StatsExportLinks range={range} operators={withOperators} />
    </section>
  );
}
