/**
 * Times per stage of an incident against its SLA targets, for the printed report: the caller's call
 * (answer time, panggilan masuk, data laporan, penyelesaian, total) and the incident (dispatch, acknowledge, on scene), then
 * resolve and close without a target.
 */
import type { Assignment, Incident } from '@/lib/data/dispatch';
import type { CallWithoutCaller } from '@/lib/data/caller-data';
import { CALL_STAGES, callStages, incidentStages, targetsForPriority, type SlaStage, type SlaTargetSet, type StageResult } from '@/lib/domain/sla';
import { resolutionTime } from '@/lib/domain/workflow';
import { formatDuration, formatTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import { slaClasses } from '@/components/ui/sla-scale';

type ReportStage = SlaStage | 'resolve' | 'close';

interface Row {
  stage: ReportStage;
  from: string | null;
  to: string | null;
  result: StageResult | null;
  seconds: number | null;
}

function span(from: string | null, to: string | null): number | null {
  return from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null;
}

export function StageTable({ incident, assignments, call, targets, nowMs, t }: {
  incident: Incident;
  assignments: readonly Assignment[];
  call: CallWithoutCaller | undefined;
  targets: SlaTargetSet;
  nowMs: number;
  t: Translate;
}) {
  const stoppedAt = incident.closed_at ?? incident.cancelled_at;
  const rows: Row[] = [];
  if (call) {
    // callStages follows CALL_STAGES, so each result sits beside the bounds it was measured on.
    callStages(call, nowMs, targets.general).forEach((r, i) => {
      const { from, to } = CALL_STAGES[i];
      rows.push({ stage: r.stage, from: call[from], to: call[to], result: r, seconds: r.seconds });
    });
  }
  const incidentBounds: Record<string, [string | null, string | null]> = {
    dispatch: [incident.reported_at, incident.dispatched_at],
    acknowledge: [incident.dispatched_at, incident.acknowledged_at],
    on_scene: [incident.dispatched_at, incident.on_scene_at],
  };
  for (const r of incidentStages(incident, nowMs, targetsForPriority(targets, incident.priority), stoppedAt)) {
    rows.push({ stage: r.stage, from: incidentBounds[r.stage][0], to: incidentBounds[r.stage][1], result: r, seconds: r.seconds });
  }
  const resolvedAt = resolutionTime(incident, assignments);
  rows.push({ stage: 'resolve', from: incident.dispatched_at, to: resolvedAt, result: null, seconds: span(incident.dispatched_at, resolvedAt) });
  rows.push({ stage: 'close', from: incident.reported_at, to: incident.closed_at, result: null, seconds: span(incident.reported_at, incident.closed_at) });

  return (
    <table className="w-full border-collapse text-sm" data-test="report-stages">
      <thead>
        <tr className="border-b border-slate-400 text-left">
          <th className="py-1">{t('dispatch.report.stage')}</th>
          <th>{t('dispatch.report.from')}</th>
          <th>{t('dispatch.report.to')}</th>
          <th>{t('dispatch.report.duration')}</th>
          <th>{t('dispatch.report.target')}</th>
          <th>{t('dispatch.report.result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const reached = row.to !== null;
          const colour = reached ? (row.result?.colour ?? null) : null;
          return (
            <tr key={row.stage} className="border-b border-slate-200" data-test={`report-stage-${row.stage}`} data-reached={String(reached)} data-sla={colour ?? 'none'}>
              <td className="py-1">{t(`dispatch.report.stage.${row.stage}`)}</td>
              <td className="tabular-nums">{row.from ? formatTime(row.from) : '—'}</td>
              <td className="tabular-nums">{row.to ? formatTime(row.to) : '—'}</td>
              <td className="tabular-nums" data-test="stage-duration">
                {formatDuration(reached ? row.seconds : null, '—')}
              </td>
              <td className="tabular-nums">{row.result ? formatDuration(row.result.targetSeconds) : t('dispatch.report.noTarget')}</td>
              <td className={slaClasses(colour, 'print')}>
                {!reached ? t('dispatch.report.notReached') : colour ? t(`dispatch.report.${colour}`) : t('dispatch.report.noTarget')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
