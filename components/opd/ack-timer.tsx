'use client';
/**
 * The acknowledgement timer of one assignment against sla_targets 'acknowledge': from the moment the
 * supervisor assigned it to the moment the agency accepted, on the database clock. A declined or
 * withdrawn assignment is no longer waiting for anyone: its timer stops where it ended (at the
 * database's stamp, or at once for a decline still queued on the phone) and never turns red later.
 */
import { Timer } from 'lucide-react';
import type { Tables } from '@/lib/supabase/database.types';
import { stageResult } from '@/lib/domain/sla';
import { formatDuration } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { slaClasses } from '@/components/ui/sla-scale';

export type AckTimerAssignment = Pick<Tables<'assignments'>, 'status' | 'assigned_at' | 'acknowledged_at' | 'declined_at' | 'withdrawn_at'>;

export function AckTimer({ assignment, targetSeconds, nowMs }: { assignment: AckTimerAssignment; targetSeconds: number; nowMs: number }) {
  const { t } = useT();
  const target = formatDuration(targetSeconds);
  const status = assignment.status;
  if (!assignment.acknowledged_at && (status === 'declined' || status === 'withdrawn')) {
    const endedAt = status === 'declined' ? assignment.declined_at : assignment.withdrawn_at;
    const r = stageResult('acknowledge', assignment.assigned_at, endedAt ?? null, targetSeconds, nowMs);
    return (
      <span
        className="inline-block rounded border border-slate-300 bg-slate-100 px-2 py-0.5 text-sm font-semibold tabular-nums text-slate-700"
        data-test="ack-timer"
        data-colour="none"
        data-running="false"
        data-ended={status}
      >
        <Timer className="mr-1 inline-block h-4 w-4 align-[-3px]" aria-hidden="true" focusable={false} />
        {endedAt ? t(`opd.ack.timerEnded.${status}`, { time: formatDuration(r.seconds ?? 0) }) : t(`opd.status.${status}`)}
      </span>
    );
  }
  const r = stageResult('acknowledge', assignment.assigned_at, assignment.acknowledged_at, targetSeconds, nowMs);
  const values = { time: formatDuration(r.seconds ?? 0), target };
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold tabular-nums ${slaClasses(r.colour)}`}
      data-test="ack-timer"
      data-colour={r.colour ?? 'none'}
      data-running={r.running ? 'true' : 'false'}
    >
      <Timer className="mr-1 inline-block h-4 w-4 align-[-3px]" aria-hidden="true" focusable={false} />
      {r.running ? t('opd.ack.timer', values) : t('opd.ack.timerDone', values)}
    </span>
  );
}
