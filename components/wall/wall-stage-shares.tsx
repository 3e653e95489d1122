'use client';
/**
 * The wall's per-stage SLA shares as a grid of labelled figures (four columns, two lines). A bar chart
 * left the eight stage names to share a few hundred pixels of axis, where they overlapped and fell below
 * the 18 px that stays readable across the room; here each stage has a quarter of the column and a
 * one-word name (the full name is its tooltip).
 */
import { shareColour } from '@/components/charts/sla-share-chart';
import type { TodayCounters } from '@/lib/domain/wall';
import { useT } from '@/lib/i18n/use-t';

export function WallStageShares({ stages }: { stages: TodayCounters['stages'] }) {
  const { t } = useT();
  return (
    <ul className="grid min-h-0 flex-1 grid-cols-4 content-start gap-x-[0.8vw] gap-y-[0.3vh]" data-test="wall-sla-stages">
      {stages.map((s) => (
        <li
          key={s.stage}
          className="flex items-baseline justify-between gap-[0.3vw] border-b border-slate-800 py-[0.2vh]"
          data-test="wall-sla-stage"
          data-stage={s.stage}
          data-share={s.share ?? ''}
          title={t(`wall.stage.${s.stage}`)}
        >
          <span className="min-w-0 truncate text-[clamp(18px,0.9vw,48px)] leading-tight text-slate-300">
            {t(`wall.stageShort.${s.stage}`)}
          </span>
          <span className="shrink-0 text-[clamp(18px,1vw,60px)] font-bold tabular-nums leading-tight" style={{ color: shareColour(s.share) }}>
            {s.share === null ? t('wall.counters.none') : `${Math.round(s.share * 100)}%`}
          </span>
        </li>
      ))}
    </ul>
  );
}
