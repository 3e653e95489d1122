/**
 * The answer-time KPI on the statistics page: the share of telephony calls answered within 10 s
 * (NFPA 1225) and 15 s (NENA) against the 90 % goal, and how many calls that covers — manual intake
 * has no ringing time to measure, which the page says rather than counting it as 0 s.
 */
import type { AnswerKpi, AnswerThreshold } from '@/lib/domain/answer-kpi';
import { formatDuration } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { StatsSection } from './stats-section';

const STANDARD: Record<number, string> = { 10: 'NFPA 1225', 15: 'NENA' };

function tone(meets: boolean | null): string {
  if (meets === null) return 'text-slate-500';
  return meets ? 'text-emerald-700' : 'text-red-700';
}

export async function AnswerKpiSection({ kpi }: { kpi: AnswerKpi }) {
  const { t } = await getT();
  const none = t('stats.none');
  const figure = (th: AnswerThreshold) => (
    <div className="rounded-md border border-slate-200 p-3" data-test={`stats-answer-${th.seconds}`} data-meets={String(th.meetsGoal)}>
      <div className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t('stats.answer.within', { seconds: th.seconds })}</div>
      <div className={`text-3xl font-bold tabular-nums ${tone(th.meetsGoal)}`} data-test="stats-answer-share">
        {th.share === null ? none : `${Math.round(th.share * 1000) / 10}%`}
      </div>
      <div className="text-xs text-slate-600">
        {t('stats.answer.standard', { standard: STANDARD[th.seconds] ?? '', seconds: th.seconds })}
        {th.meetsGoal !== null && <> — {th.meetsGoal ? t('stats.answer.meets') : t('stats.answer.misses')}</>}
      </div>
    </div>
  );
  return (
    <StatsSection title={t('stats.section.answer')} test="stats-answer">
      <div className="grid gap-3 sm:grid-cols-2">
        {figure(kpi.nfpa)}
        {figure(kpi.nena)}
      </div>
      <p className="mt-2 text-sm tabular-nums text-slate-700">
        {t('stats.answer.percentiles', { p50: formatDuration(kpi.p50, none), p90: formatDuration(kpi.p90, none) })}
      </p>
      <p className="mt-1 text-sm text-slate-600" data-test="stats-answer-coverage" data-answered={kpi.answered}>
        {kpi.answered > 0
          ? t('stats.answer.coverage', { answered: kpi.answered, classified: kpi.classified })
          : t('stats.answer.noFeed')}
      </p>
    </StatsSection>
  );
}
