'use client';
/** The operator's calls of the current shift (by the center's schedule, shift_settings), newest first, with each stage's time and SLA colour; calls from a blocked number are flagged. */
import { ShieldAlert } from 'lucide-react';
import { callStages, type SlaStage } from '@/lib/domain/sla';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import type { OperatorCallRow } from '@/lib/realtime/use-live-operator-calls';
import { formatDuration } from '@/lib/i18n/format';
import { slaClasses } from '@/components/ui/sla-scale';
import { useServerNow } from '@/lib/realtime/use-server-clock';
import { shiftStart } from '@/lib/domain/shift';

export function ShiftCallsTable({
  calls,
  targets,
  shiftHours,
}: {
  calls: readonly OperatorCallRow[];
  targets: Readonly<Record<SlaStage, number>>;
  shiftHours: readonly number[];
}) {
  const { t } = useT();
  const nowMs = useServerNow(1000);
  const from = shiftStart(nowMs, shiftHours);
  const shift = calls
    .filter((c) => Date.parse(c.received_at) >= from)
    .sort((a, b) => Date.parse(b.received_at) - Date.parse(a.received_at));
  if (shift.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-test="shift-calls-empty">
        {t('operator.shift.empty')}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-test="shift-calls">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th className="px-2 py-1">{t('operator.shift.time')}</th>
            <th className="px-2 py-1">{t('operator.shift.type')}</th>
            <th className="px-2 py-1">{t('operator.shift.caller')}</th>
            <th className="px-2 py-1">{t('operator.stage.answer')}</th>
            <th className="px-2 py-1">{t('operator.stage.classify')}</th>
            <th className="px-2 py-1">{t('operator.stage.record')}</th>
            <th className="px-2 py-1">{t('operator.stage.close_call')}</th>
            <th className="px-2 py-1">{t('operator.stage.call_total')}</th>
            <th className="px-2 py-1">{t('operator.shift.ticket')}</th>
          </tr>
        </thead>
        <tbody>
          {shift.map((call) => (
            <tr key={call.id} className="border-t border-slate-200" data-test="shift-call-row" data-call-id={call.id} data-type={call.call_type ?? ''}>
              <td className="px-2 py-1 font-mono">{formatTime(call.received_at)}</td>
              <td className="px-2 py-1">{call.call_type ? t(`operator.type.${call.call_type}`) : t('operator.type.none')}</td>
              <td className="px-2 py-1">
                {call.caller_phone ?? '–'}
                {call.blocked_number_id && (
                  // A blocked number's call is served like any other; the flag says why the PBX played a message.
                  <span
                    className="ml-2 inline-flex items-center gap-1 rounded bg-red-700 px-1.5 text-xs font-bold text-white"
                    title={t('nuisance.flag.title')}
                    data-test="shift-call-blocked"
                  >
                    <ShieldAlert className="h-3 w-3" aria-hidden="true" focusable={false} />
                    {t('nuisance.flag.short')}
                  </span>
                )}
              </td>
              {callStages(call, nowMs, targets).map((s) => (
                <td key={s.stage} className="px-1 py-1">
                  <span
                    data-test={`shift-stage-${s.stage}`}
                    data-colour={s.colour ?? 'none'}
                    className={`inline-block min-w-12 rounded border-l-4 px-1.5 font-mono tabular-nums ${slaClasses(s.colour)}`}
                  >
                    {formatDuration(s.seconds)}
                  </span>
                </td>
              ))}
              <td className="px-2 py-1 font-mono" data-test="shift-call-ticket">
                {call.incident?.ticket_no ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
