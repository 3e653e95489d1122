'use client';
/** Open incidents of the same category near the pin (last hour): join the call to one instead of a new ticket. */
import type { WithDistance } from '@/lib/domain/nearby';
import { formatTime } from '@/lib/i18n/format';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';
import { Button } from '@/components/ui/button';

export function NearbyIncidents({
  nearby,
  located,
  busy,
  onLink,
}: {
  nearby: readonly WithDistance<OperatorIncidentRow>[];
  /** Category and location are known, so the check has run. */
  located: boolean;
  busy: boolean;
  onLink: (incident: OperatorIncidentRow) => void;
}) {
  const { t, lang } = useT();
  if (!located) {
    return <p className="text-sm text-slate-600" data-test="nearby-pending">{t('operator.nearby.pending')}</p>;
  }
  if (nearby.length === 0) {
    return <p className="text-sm text-slate-700" data-test="nearby-none">{t('operator.nearby.none')}</p>;
  }
  return (
    <section className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3" data-test="nearby-incidents" aria-live="polite">
      <h3 className="mb-2 text-sm font-bold text-amber-950">{t(pluralKey('operator.nearby.title', nearby.length, lang), { count: nearby.length })}</h3>
      <ul className="flex flex-col gap-2">
        {nearby.map((n) => (
          <li key={n.id} className="flex items-center justify-between gap-3 text-sm" data-test="nearby-incident" data-incident-id={n.id}>
            <div>
              <div className="font-mono font-semibold">{n.ticket_no}</div>
              <div className="text-slate-700">
                {t('operator.nearby.detail', { distance: Math.round(n.distance_m), time: formatTime(n.reported_at, { seconds: false }) })}
                {' · '}
                {n.description}
              </div>
            </div>
            <Button variant="secondary" disabled={busy} onClick={() => onLink(n)} data-test="nearby-link">
              {t('operator.nearby.link')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
