'use client';
/**
 * The incident page's fuller location panel: the same sharer the layout runs for this assignment
 * (never a second watcher), with counts, the time of the last fix and stop/share again. When the
 * assignment is en route or on scene but this phone did not set it off, "Bagikan lokasi" lets the
 * liaison who travels with the unit claim it here.
 */
import { MapPin, MapPinOff } from 'lucide-react';
import type { Assignment } from '@/lib/data/opd';
import { SHARING_STATUSES } from '@/lib/domain/location-claims';
import { effectiveAssignment } from '@/lib/domain/offline-queue';
import { latestState } from '@/lib/domain/opd-inbox';
import { isIncidentOpen, type IncidentStatus } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { useLocationSharing } from './location-sharing-provider';
import { useOpdQueue } from './opd-queue-provider';

export function LocationSharing({ assignment, incidentStatus }: { assignment: Assignment; incidentStatus: IncidentStatus }) {
  const { t } = useT();
  const { queue, applied } = useOpdQueue();
  const { prefs, units, claim, stop, resume } = useLocationSharing();
  const server = latestState(assignment, applied.get(assignment.id));
  const effective = effectiveAssignment(queue, { id: assignment.id, ...server });
  const active = isIncidentOpen(incidentStatus) && SHARING_STATUSES.has(effective.status);
  if (!active) return null;

  if (!prefs.claimed.includes(assignment.id)) {
    return (
      <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800" data-test="location-sharing" data-state="unclaimed">
        <p>{t('opd.location.notClaimed')}</p>
        <Button variant="primary" size="lg" className="w-full" onClick={() => claim(assignment.id)} data-test="location-claim">
          {t('opd.location.resume')}
        </Button>
      </div>
    );
  }
  const unit = units.get(assignment.id);
  if (!unit || unit.state === 'off') return null;

  const on = unit.state === 'sharing' || unit.state === 'asking';
  return (
    <div
      className={`flex flex-col gap-2 rounded-md border px-3 py-2 text-sm ${on ? 'border-emerald-500 bg-emerald-50 text-emerald-950' : 'border-slate-300 bg-white text-slate-800'}`}
      data-test="location-sharing"
      data-state={unit.state}
      data-sent={unit.sent}
      data-waiting={unit.waiting}
      role="status"
    >
      <p className="flex items-center gap-2 font-semibold">
        {on ? <MapPin className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} /> : <MapPinOff className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} />}
        {t(`opd.location.${unit.state}`)}
      </p>
      {on && (
        <p className="text-xs tabular-nums" data-test="location-counts">
          {t('opd.location.counts', { sent: unit.sent, waiting: unit.waiting })}
          {unit.lastFixMs !== null && ` · ${t('opd.location.lastFix', { time: formatTime(unit.lastFixMs) })}`}
        </p>
      )}
      {on ? (
        <Button variant="secondary" size="lg" className="w-full" onClick={() => stop(assignment.id)} data-test="location-stop">
          {t('opd.location.stop')}
        </Button>
      ) : (
        unit.state === 'stopped' && (
          <Button variant="primary" size="lg" className="w-full" onClick={() => resume(assignment.id)} data-test="location-resume">
            {t('opd.location.resume')}
          </Button>
        )
      )}
    </div>
  );
}
