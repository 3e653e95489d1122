'use client';
/** The open incidents, newest first, as the live view delivers them (a new report appears without reload). */
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';

const LIMIT = 15;

export function OpenIncidentsList({ incidents }: { incidents: readonly OperatorIncidentRow[] }) {
  const { t } = useT();
  if (incidents.length === 0) {
    return <p className="text-sm text-slate-600">{t('operator.open.empty')}</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-200 text-sm" data-test="open-incidents">
      {incidents.slice(0, LIMIT).map((i) => (
        <li key={i.id} className="py-1.5" data-test="open-incident" data-ticket={i.ticket_no} data-status={i.status}>
          <div className="flex justify-between gap-2">
            <span className="font-mono font-semibold">{i.ticket_no}</span>
            <span className="text-slate-600">{formatTime(i.reported_at, { seconds: false })}</span>
          </div>
          <div className="text-slate-700">
            {t(`operator.category.${i.category}`)} · {t(`operator.status.${i.status}`)}
            {i.kecamatan ? ` · ${i.kecamatan}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
