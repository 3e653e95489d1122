'use client';
/** Every agency on the incident and how far it got, so the liaison knows who else is coming. */
import type { Agency, Assignment } from '@/lib/data/opd';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

export function AgencyList({ assignments, agencies, myAgencyId }: { assignments: readonly Assignment[]; agencies: ReadonlyMap<string, Agency>; myAgencyId: string }) {
  const { t } = useT();
  const shown = assignments.filter((a) => a.status !== 'withdrawn');
  return (
    <ul className="flex flex-col gap-1" data-test="incident-agencies">
      {shown.map((a) => {
        const agency = agencies.get(a.agency_id);
        const lastStamp = a.completed_at ?? a.declined_at ?? a.on_scene_at ?? a.en_route_at ?? a.acknowledged_at ?? a.assigned_at;
        return (
          <li key={a.id} className="flex items-center justify-between gap-2 rounded border border-slate-200 bg-white px-2 py-1.5 text-sm" data-test="incident-agency" data-agency-code={agency?.code} data-status={a.status}>
            <span className="flex items-center gap-1.5 font-semibold">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ background: agency?.color ?? '#64748b' }} aria-hidden="true" />
              {agency?.code ?? '?'}
              {a.agency_id === myAgencyId && <span className="font-normal text-slate-500">{t('opd.detail.yourAgency')}</span>}
            </span>
            <span className="text-xs">
              <span className="font-semibold">{t(`opd.status.${a.status}`)}</span> <span className="tabular-nums text-slate-500">{formatTime(lastStamp, { seconds: false })}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
