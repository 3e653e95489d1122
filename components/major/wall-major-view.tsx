'use client';
/**
 * The wall's major-incident layout (issue #18 §1), readable across the room: a red banner with the
 * title, ticket and time declared; the map fitted to the area; the calls linked so far with the
 * calls per minute of the last half hour; the agencies committed and the victims reported so far.
 * Everything follows realtime: the minutes rows (one trigger update per linked call) and the
 * ticket's assignments (agencies sent, field reports' counts).
 */
import type { ReactNode } from 'react';
import { Siren } from 'lucide-react';
import type { Db } from '@/lib/data/db';
import type { MajorIncident } from '@/lib/data/major-incidents';
import { linkedCalls, majorFigures, minuteBars } from '@/lib/domain/major-incident';
import { formatNumber, formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { useLiveMajorMinutes } from '@/lib/realtime/use-live-major-minutes';
import type { PostAgency } from '@/components/map/post-layer';
import { MinuteBars } from './minute-bars';

export interface WallMajorViewProps {
  client: Db;
  major: MajorIncident;
  /** Further active major incidents beyond the one shown. */
  others: number;
  ticketNo: string | undefined;
  agencies: ReadonlyMap<string, PostAgency>;
  nowMs: number;
  /** The wall's map, with the areas drawn and fitted. */
  map: ReactNode;
  /** The waiting calls strip: a surge of calls shows there first. */
  waiting: ReactNode;
}

function Figure({ label, hint, value, test }: { label: string; hint?: string; value: string; test: string }) {
  return (
    <div className="flex flex-col rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.6vh]" data-test={test} data-value={value}>
      <span className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">
        {label}
        {hint && <span className="ml-[0.4vw] normal-case tracking-normal text-slate-500">{hint}</span>}
      </span>
      <span className="text-[clamp(28px,4.2vw,260px)] font-bold tabular-nums leading-none text-slate-50">{value}</span>
    </div>
  );
}

export function WallMajorView({ client, major, others, ticketNo, agencies, nowMs, map, waiting }: WallMajorViewProps) {
  const { t, lang } = useT();
  const minutes = useLiveMajorMinutes(client, major.id);
  const assignments = useLiveAssignments(client, { incidentId: major.incident_id });
  const bars = minuteBars(minutes.rows, nowMs);
  const total = linkedCalls(minutes.rows);
  const peak = Math.max(0, ...minutes.rows.map((r) => r.calls));
  const figures = majorFigures(assignments.rows);
  const victims: Array<[string, number, string]> = [
    [t('wall.major.dead'), figures.dead, 'dead'],
    [t('wall.major.seriouslyInjured'), figures.seriouslyInjured, 'seriously-injured'],
    [t('wall.major.lightlyInjured'), figures.lightlyInjured, 'lightly-injured'],
    [t('wall.major.evacuated'), figures.evacuated, 'evacuated'],
  ];

  return (
    <div className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)_minmax(0,0.42fr)] gap-[0.5vw]" data-test="wall-major" data-major-id={major.id}>
      <div className="flex items-center gap-[1vw] rounded-[0.5vw] bg-red-700 px-[1vw] py-[0.6vh] text-white">
        <Siren className="h-[2.2vw] min-h-7 w-[2.2vw] min-w-7 shrink-0" aria-hidden="true" focusable={false} />
        <span className="rounded bg-white px-[0.5vw] text-[clamp(18px,1.1vw,64px)] font-black tracking-wider text-red-700">{t('wall.major.badge')}</span>
        <h2 className="min-w-0 flex-1 truncate text-[clamp(24px,2.2vw,140px)] font-bold" data-test="wall-major-title">
          {major.title}
        </h2>
        <span className="font-mono text-[clamp(18px,1.3vw,80px)] font-semibold">{ticketNo ?? ''}</span>
        <span className="text-[clamp(18px,1.1vw,64px)]">{t('wall.major.since', { time: formatTime(major.declared_at, { seconds: false }) })}</span>
        {others > 0 && <span className="text-[clamp(18px,1vw,56px)] font-semibold">{t('wall.major.more', { count: others })}</span>}
      </div>
      <div className="grid min-h-0 grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)] gap-[0.5vw]">
        <div className="min-h-0 overflow-hidden rounded-[0.5vw]">{map}</div>
        <div className="flex min-h-0 flex-col gap-[0.8vh]">
          {waiting}
          <Figure label={t('wall.major.calls')} hint={t('wall.major.callsHint')} value={formatNumber(total, lang)} test="wall-major-calls" />
          <section className="flex flex-col gap-[0.4vh] rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.6vh]" data-test="wall-major-agencies" data-count={figures.agencyIds.length}>
            <span className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">{t('wall.major.agencies')}</span>
            <div className="flex flex-wrap items-baseline gap-[0.5vw]">
              <span className="text-[clamp(28px,3.2vw,200px)] font-bold tabular-nums leading-none">{formatNumber(figures.agencyIds.length, lang)}</span>
              {figures.agencyIds.length === 0 ? (
                <span className="text-[clamp(18px,1.1vw,64px)] text-slate-400">{t('wall.major.noAgencies')}</span>
              ) : (
                figures.agencyIds.map((id) => {
                  const agency = agencies.get(id);
                  return (
                    <span
                      key={id}
                      className="rounded-[0.3vw] px-[0.5vw] text-[clamp(18px,1.2vw,72px)] font-bold text-white"
                      style={{ background: agency?.color ?? '#475569' }}
                      title={agency?.name}
                      data-test="wall-major-agency"
                    >
                      {agency?.code ?? '?'}
                    </span>
                  );
                })
              )}
            </div>
          </section>
          <section className="rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.6vh]" data-test="wall-major-casualties">
            <span className="text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">{t('wall.major.casualties')}</span>
            <dl className="grid grid-cols-4 gap-[0.5vw]">
              {victims.map(([label, n, test]) => (
                <div key={test} data-test={`wall-major-${test}`} data-count={n}>
                  <dt className="text-[clamp(16px,0.85vw,48px)] text-slate-400">{label}</dt>
                  <dd className={`text-[clamp(26px,2.6vw,160px)] font-bold tabular-nums leading-none ${test === 'dead' && n > 0 ? 'text-red-400' : ''}`}>
                    {formatNumber(n, lang)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
      <section className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)] rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.6vh]">
        <h3 className="flex items-baseline gap-[1vw] text-[clamp(18px,0.95vw,52px)] uppercase tracking-wide text-slate-400">
          {t('wall.major.perMinute')}
          <span className="normal-case tracking-normal">{t('wall.major.peak', { count: peak })}</span>
        </h3>
        <MinuteBars bars={bars} />
      </section>
    </div>
  );
}
