'use client';
/**
 * Running timers of one call per stage as the service standard defines them (answer time, panggilan
 * masuk, data laporan, penyelesaian) and the total against the 3-minute standard, coloured against
 * sla_targets: the form filling runs data laporan, and penyelesaian starts once the report is recorded. Time runs on the tab's database clock
 * estimate (lib/realtime/server-clock.ts), so every console shows the same colours whatever its PC's clock says.
 */
import { callStages, type CallStage, type CallTimes, type SlaStage } from '@/lib/domain/sla';
import { useT } from '@/lib/i18n/use-t';
import { formatDuration } from '@/lib/i18n/format';
import { slaClasses } from '@/components/ui/sla-scale';
import { useServerNow } from '@/lib/realtime/use-server-clock';

export function CallStageTimers({
  call,
  targets,
}: {
  call: CallTimes;
  targets: Readonly<Record<SlaStage, number>>;
}) {
  const { t } = useT();
  const nowMs = useServerNow(500);
  const stages = callStages(call, nowMs, targets);
  return (
    <ol className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-test="call-timers">
      {stages.map((s) => (
        <li
          key={s.stage}
          data-test={`timer-${s.stage}`}
          data-colour={s.colour ?? 'none'}
          data-running={s.running ? 'true' : 'false'}
          className={`rounded-md border-l-4 px-3 py-2 ${slaClasses(s.colour)} ${s.stage === 'call_total' ? 'font-bold' : ''}`}
        >
          <div className="text-xs font-semibold uppercase tracking-wide">{t(`operator.stage.${s.stage as CallStage}`)}</div>
          <div className="font-mono text-2xl tabular-nums">
            {formatDuration(s.seconds)}
            <span className="ml-1 text-xs font-normal opacity-70">/ {formatDuration(s.targetSeconds)}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}

