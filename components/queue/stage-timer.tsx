'use client';
/** The running timer of the stage an incident waits in, coloured against its SLA target. */
import type { StageTimer as Timer } from '@/lib/domain/dispatch-board';
import { formatDuration } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { slaClasses } from '@/components/ui/sla-scale';

export function StageTimer({ timer }: { timer: Timer }) {
  const { t } = useT();
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium tabular-nums ${slaClasses(timer.colour)}`}
      data-test="stage-timer"
      data-stage={timer.stage}
      data-sla={timer.colour ?? 'none'}
      title={timer.targetSeconds === null ? undefined : t('dispatch.stage.target', { target: formatDuration(timer.targetSeconds) })}
    >
      <span>{t(`dispatch.stage.${timer.stage}`)}</span>
      <span className="font-mono">{formatDuration(timer.seconds)}</span>
    </span>
  );
}
