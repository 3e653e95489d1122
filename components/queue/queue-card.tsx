'use client';
/**
 * One incident on the queue board: ticket, category, priority, place, the running stage timer, the
 * agencies on it (with escalation flags), the hazards it is near, a NEW highlight and who else has it open.
 */
import type { Agency, Assignment, Incident } from '@/lib/data/dispatch';
import { currentStageTimer, escalationState } from '@/lib/domain/dispatch-board';
import { targetsForPriority, type SlaTargetSet } from '@/lib/domain/sla';
import { Eye, TriangleAlert } from 'lucide-react';
import { CategoryIcon } from '@/components/ui/category-icon';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { StageTimer } from './stage-timer';
import { HazardLines } from '@/components/incidents/hazard-lines';

export interface QueueCardProps {
  incident: Incident;
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  nowMs: number;
  targets: SlaTargetSet;
  selected: boolean;
  fresh: boolean;
  viewers: readonly string[];
  onSelect: (id: string) => void;
}

const PRIORITY_CLASSES = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-500 text-white',
  medium: 'bg-slate-200 text-slate-800',
  low: 'bg-slate-100 text-slate-600',
} as const;

export function QueueCard({ incident, assignments, agencies, nowMs, targets, selected, fresh, viewers, onSelect }: QueueCardProps) {
  const { t, lang } = useT();
  const timer = currentStageTimer(incident, nowMs, targets);
  const overdue = assignments.filter((a) => escalationState(a, nowMs, targetsForPriority(targets, incident.priority).acknowledge).needsFollowUp);
  return (
    <button
      type="button"
      onClick={() => onSelect(incident.id)}
      data-test="queue-card"
      data-incident-id={incident.id}
      data-ticket={incident.ticket_no}
      data-status={incident.status}
      data-fresh={fresh ? 'true' : undefined}
      aria-pressed={selected}
      className={`w-full rounded-md border bg-white p-2 text-left text-sm shadow-sm transition hover:border-slate-500 ${
        selected ? 'border-blue-600 ring-2 ring-blue-500' : 'border-slate-200'
      } ${fresh ? 'animate-pulse ring-2 ring-red-500' : ''}`}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="font-mono text-xs font-semibold">{incident.ticket_no}</span>
        <span className="flex items-center gap-1">
          {fresh && (
            <span className="rounded bg-red-600 px-1 text-[10px] font-bold text-white" data-test="card-new">
              {t('dispatch.card.new')}
            </span>
          )}
          <span className={`rounded px-1 text-[10px] font-semibold uppercase ${PRIORITY_CLASSES[incident.priority]}`}>
            {t(`dispatch.priority.${incident.priority}`)}
          </span>
        </span>
      </div>
      <div className="mt-1 flex items-center gap-1 font-medium">
        <CategoryIcon category={incident.category} />
        <span>{t(`dispatch.category.${incident.category}`)}</span>
        {incident.kecamatan && <span className="truncate text-xs font-normal text-slate-500">· {incident.kecamatan}</span>}
      </div>
      <HazardLines lat={incident.lat} lng={incident.lng} variant="compact" className="mt-1" />
      {timer && (
        <div className="mt-1">
          <StageTimer timer={timer} />
        </div>
      )}
      {assignments.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1" aria-label={t('dispatch.assignments.title')}>
          {assignments.map((a) => {
            const agency = agencies.get(a.agency_id);
            return (
              <li
                key={a.id}
                className="inline-flex items-center gap-1 rounded border border-slate-200 px-1 text-[11px]"
                data-test="card-assignment"
                data-assignment-status={a.status}
                title={t(`dispatch.assignment.${a.status}`)}
              >
                <span className="h-2 w-2 rounded-full" style={{ background: agency?.color ?? '#64748b' }} aria-hidden="true" />
                {agency?.code ?? '?'}
                <span className="text-slate-500">{t(`dispatch.assignment.${a.status}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {overdue.length > 0 && (
        <div className="mt-1 flex items-center gap-1 rounded bg-red-600 px-1 text-xs font-semibold text-white" data-test="card-overdue">
          <TriangleAlert className="h-3.5 w-3.5 shrink-0" aria-hidden="true" focusable={false} />
          {t(pluralKey('dispatch.card.overdue', overdue.length, lang), { count: overdue.length })}
        </div>
      )}
      {viewers.length > 0 && (
        <div className="mt-1 flex items-center gap-1 text-[11px] text-blue-700" data-test="card-viewers">
          <Eye className="h-3 w-3 shrink-0" aria-hidden="true" focusable={false} />
          {t('dispatch.card.viewers', { names: viewers.join(', ') })}
        </div>
      )}
    </button>
  );
}
