'use client';
/**
 * The acknowledgement timer of one assignment against sla_targets 'acknowledge': from the moment the
 * supervisor assigned it to the moment the agency accepted, on the database clock.
 */
import { Timer } from 'lucide-react';
import { stageResult } from '@/lib/domain/sla';
import { formatDuration } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { slaClasses } from '@/components/ui/sla-scale';

export function AckTimer({
  assignedAt,
  acknowledgedAt,
  targetSeconds,
  nowMs,
}: {
  assignedAt: string;
  acknowledgedAt: string | null;
  targetSeconds: number;
  nowMs: number;
}) {
  const { t } = useT();
  const r = stageResult('acknowledge', assignedAt, acknowledgedAt, targetSeconds, nowMs);
  const values = { time: formatDuration(r.seconds ?? 0), target: formatDuration(targetSeconds) };
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
