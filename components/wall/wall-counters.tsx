'use client';
/**
 * Today's big numbers on the wall: calls by type, emergencies, the share within SLA and the answer-time
 * KPI (telephony calls within 10 s / 15 s against the 90 % goal), with the share per stage.
 */
import { memo } from 'react';
import type { TodayCounters } from '@/lib/domain/wall';
import { Constants } from '@/lib/supabase/database.types';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { WallStageShares } from './wall-stage-shares';
import type { AnswerKpi, AnswerThreshold } from '@/lib/domain/answer-kpi';

const TYPES = Constants.public.Enums.call_type;

function Figure({ label, value, test, tone = 'text-slate-50' }: { label: string; value: string; test: string; tone?: string }) {
  return (
    <div className="flex flex-col rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.6vh]" data-test={test}>
      <span className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">{label}</span>
      <span data-test="wall-figure-value" className={`text-[clamp(22px,3.2vw,200px)] font-bold tabular-nums leading-none ${tone}`}>
        {value}
      </span>
    </div>
  );
}

function answerTone(th: AnswerThreshold): string {
  if (th.meetsGoal === null) return 'text-slate-50';
  return th.meetsGoal ? 'text-emerald-400' : 'text-red-400';
}

function AnswerKpiLine({ kpi }: { kpi: AnswerKpi | undefined }) {
  const { t, lang } = useT();
  const none = t('wall.counters.none');
  const share = (th: AnswerThreshold | undefined) => (th?.share == null ? none : `${Math.round(th.share * 100)}%`);
  return (
    <div
      className="flex flex-wrap items-baseline gap-x-[0.8vw] rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.4vh]"
      data-test="wall-answer-kpi"
      data-answered={kpi?.answered ?? 0}
    >
      <span className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">{t('wall.answer.title')}</span>
      {kpi &&
        [kpi.nfpa, kpi.nena].map((th) => (
          <span key={th.seconds} className="text-[clamp(18px,1.5vw,96px)] font-bold tabular-nums" data-test={`wall-answer-${th.seconds}`}>
            <span className="mr-[0.3vw] text-[clamp(18px,0.95vw,52px)] font-normal text-slate-400">{t('wall.answer.within', { seconds: th.seconds })}</span>
            <span className={answerTone(th)}>{share(th)}</span>
          </span>
        ))}
      <span className="text-[clamp(18px,0.95vw,46px)] text-slate-400">
        {kpi && kpi.answered > 0 ? t(pluralKey('wall.answer.calls', kpi.answered, lang), { count: kpi.answered }) : t('wall.answer.noFeed')}
      </span>
    </div>
  );
}

// Memoised: the wall renders every second (its clocks) and on every incident change, while the
// counters change only when they are read again.
export const WallCounters = memo(function WallCounters({ counters }: { counters: TodayCounters | undefined }) {
  const { t } = useT();
  const none = t('wall.counters.none');
  const share = counters?.slaShare;
  const shareTone = share == null ? 'text-slate-50' : share >= 0.9 ? 'text-emerald-400' : share >= 0.75 ? 'text-amber-300' : 'text-red-400';
  return (
    <section data-test="wall-counters" className="flex min-h-0 flex-col gap-[0.8vh]">
      <h2 className="text-[clamp(18px,1.1vw,64px)] font-semibold uppercase tracking-wide text-slate-300">{t('wall.counters.title')}</h2>
      <div className="grid grid-cols-3 gap-[0.5vw]">
        <Figure test="wall-count-calls" label={t('wall.counters.calls')} value={counters ? String(counters.totalCalls) : none} />
        <Figure
          test="wall-count-emergencies"
          label={t('wall.counters.emergencies')}
          value={counters ? String(counters.emergencies) : none}
          tone="text-red-400"
        />
        <Figure
          test="wall-count-sla"
          label={t('wall.counters.sla')}
          value={share == null ? none : `${Math.round(share * 100)}%`}
          tone={shareTone}
        />
      </div>
      <AnswerKpiLine kpi={counters?.answer} />
      <ul className="grid grid-cols-4 gap-[0.5vw]" data-test="wall-calls-by-type">
        {TYPES.map((type) => (
          <li key={type} data-test="wall-type" data-type={type} className="rounded-[0.4vw] bg-slate-900 px-[0.6vw] py-[0.4vh]">
            <span className="block text-[clamp(18px,0.95vw,46px)] uppercase tracking-wide text-slate-400">
              {t(`callType.${type}`)}
            </span>
            <span data-test="wall-type-count" className="text-[clamp(18px,1.9vw,120px)] font-bold tabular-nums leading-none">
              {counters ? counters.byType[type] : none}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex min-h-0 flex-1 flex-col rounded-[0.5vw] bg-slate-900 p-[0.5vw]">
        <h3 className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">{t('wall.chart.title')}</h3>
        <WallStageShares stages={counters?.stages ?? []} />
      </div>
    </section>
  );
});
