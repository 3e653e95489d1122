'use client';
/**
 * "Lokasi dibagikan": the liaison sees that the phone shares the unit's location while its assignment
 * is en route or on scene, how many positions went and wait, and can stop (or share again).
 */
import { MapPin, MapPinOff } from 'lucide-react';
import type { Assignment } from '@/lib/data/opd';
import { effectiveAssignment } from '@/lib/domain/offline-queue';
import { latestState } from '@/lib/domain/opd-inbox';
import { isIncidentOpen, type AssignmentStatus, type IncidentStatus } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { useLocationSharer } from './location-sharer';
import { useOpdQueue } from './opd-queue-provider';

const SHARING_STATUSES: ReadonlySet<AssignmentStatus> = new Set(['en_route', 'on_scene']);

export function LocationSharing({ assignment, incidentStatus }: { assignment: Assignment; incidentStatus: IncidentStatus }) {
  const { t } = useT();
  const { getClient, queue, applied } = useOpdQueue();
  const server = latestState(assignment, applied.get(assignment.id));
  const effective = effectiveAssignment(queue, { id: assignment.id, ...server });
  const open = isIncidentOpen(incidentStatus);
  const sharer = useLocationSharer({
    client: getClient(),
    assignmentId: assignment.id,
    active: open && SHARING_STATUSES.has(effective.status),
    accepted: open && SHARING_STATUSES.has(server.status),
  });
  if (sharer.state === 'off') return null;

  const on = sharer.state === 'sharing' || sharer.state === 'asking';
  return (
    <div
      className={`flex flex-col gap-2 rounded-md border px-3 py-2 text-sm ${on ? 'border-emerald-500 bg-emerald-50 text-emerald-950' : 'border-slate-300 bg-white text-slate-800'}`}
      data-test="location-sharing"
      data-state={sharer.state}
      data-sent={sharer.sent}
      data-waiting={sharer.waiting}
      role="status"
    >
      <p className="flex items-center gap-2 font-semibold">
        {on ? <MapPin className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} /> : <MapPinOff className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} />}
        {t(`opd.location.${sharer.state}`)}
      </p>
      {on && (
        <p className="text-xs tabular-nums" data-test="location-counts">
          {t('opd.location.counts', { sent: sharer.sent, waiting: sharer.waiting })}
          {sharer.lastFixMs !== null && ` · ${t('opd.location.lastFix', { time: formatTime(sharer.lastFixMs) })}`}
        </p>
      )}
      {on ? (
        <Button variant="secondary" size="lg" className="w-full" onClick={sharer.stop} data-test="location-stop">
          {t('opd.location.stop')}
        </Button>
      ) : (
        sharer.state === 'stopped' && (
          <Button variant="primary" size="lg" className="w-full" onClick={sharer.resume} data-test="location-resume">
            {t('opd.location.resume')}
          </Button>
        )
      )}
    </div>
  );
}
