'use client';
/**
 * One incident as the liaison handles it: what, where (small map, navigation links), who called
 * (tel: link), the other agencies and their progress, and this agency's steps. Incident and
 * assignments are live views, so the supervisor's changes and other agencies' progress show at once.
 */
import { useMemo } from 'react';
import Link from 'next/link';
import { Phone } from 'lucide-react';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import type { Agency, CallerContact, OpdIncident } from '@/lib/data/opd';
import { targetsForPriority, type SlaTargetSet } from '@/lib/domain/sla';
import { telUri } from '@/lib/domain/opd-inbox';
import { isIncidentOpen } from '@/lib/domain/workflow';
import type { TileConfig } from '@/lib/map/tile-config';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { useLiveIncidents } from '@/lib/realtime/use-live-incidents';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { buttonClasses } from '@/components/ui/button';
import { CategoryIcon } from '@/components/ui/category-icon';
import { VictimCounts } from '@/components/incidents/victim-counts';
import { AckTimer } from './ack-timer';
import { AgencyList } from './agency-list';
import { AssignmentSteps } from './assignment-steps';
import { missingCandidates } from '@/lib/domain/dispatch-feedback';
import { LazyIncidentMiniMap } from './lazy-incident-mini-map';
import { HazardLines } from '@/components/incidents/hazard-lines';
import { LocationSharing } from './location-sharing';
import { NavigationLinks } from './navigation-links';
import { OfflineBanner } from './offline-banner';
import { PriorityBadge } from './priority-badge';
import { useOpdQueue } from './opd-queue-provider';

export interface OpdIncidentViewProps {
  initialIncident: OpdIncident;
  callers: readonly CallerContact[];
  agencies: readonly Agency[];
  myAgencyId: string;
  targets: SlaTargetSet;
  tiles: TileConfig;
}

export function OpdIncidentView({ initialIncident, callers, agencies, myAgencyId, targets, tiles }: OpdIncidentViewProps) {
  const { t } = useT();
  const { getClient } = useOpdQueue();
  const client = useMemo(() => getClient(), [getClient]);
  const liveIncident = useLiveIncidents(client, { id: initialIncident.id });
  const liveAssignments = useLiveAssignments(client, { incidentId: initialIncident.id });
  const clock = useServerClock(client, liveAssignments.status);
  const incident = liveIncident.rows[0] ?? initialIncident;
  const agencyMap = new Map(agencies.map((a) => [a.id, a]));
  const mineAll = liveAssignments.rows
    .filter((a) => a.agency_id === myAgencyId)
    .sort((a, b) => Date.parse(b.assigned_at) - Date.parse(a.assigned_at));
  // The open one if any; else the latest (completed, declined) to show what was reported.
  const mine = mineAll.find((a) => a.status !== 'withdrawn' && a.status !== 'completed' && a.status !== 'declined') ?? mineAll[0];
  const sentAgencyIds = liveAssignments.rows.filter((a) => a.status !== 'withdrawn').map((a) => a.agency_id);
  const candidates = missingCandidates(agencies, myAgencyId, sentAgencyIds);
  const stamp = (v: string | null) => (v ? formatTime(v, { seconds: false }) : '–');
  const label = `${t(`opd.category.${incident.category}`)} ${incident.ticket_no}`;

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-3 p-3" data-test="opd-incident" data-incident-id={incident.id} data-incident-status={incident.status}>
      <div className="flex items-center justify-between gap-2">
        <Link href="/opd" className="text-sm font-semibold text-brand-700 underline" data-test="back-to-inbox">
          {t('opd.detail.back')}
        </Link>
        <ConnectionStatus status={liveAssignments.status} />
      </div>
      <OfflineBanner />
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <PriorityBadge priority={incident.priority} />
          <span className="font-mono text-xs text-slate-600" data-test="ticket-no">
            {incident.ticket_no}
          </span>
          <span className="ml-auto text-xs font-semibold text-slate-600" data-test="incident-status">
            {t(`opd.incident.${incident.status}`)}
          </span>
        </div>
        <h1 className="flex items-center gap-2 text-xl font-bold" data-test="incident-category">
          <CategoryIcon category={incident.category} className="h-5 w-5 shrink-0" />
          {t(`opd.category.${incident.category}`)}
        </h1>
      </header>

      {/* The liaison's own steps come first: on a phone the next tap must be on the first screen. */}
      <section className="flex flex-col gap-2 rounded-lg border-2 border-slate-300 bg-slate-50 p-3" data-test="my-assignment" data-status={mine?.status}>
        <h2 className="font-bold">{t('opd.detail.myAssignment')}</h2>
        {!mine && liveAssignments.status === 'live' && <p className="text-sm">{t('opd.detail.notAssigned')}</p>}
        {mine && (
          <>
            <AckTimer assignment={mine} targetSeconds={targetsForPriority(targets, incident.priority).acknowledge} nowMs={clock.nowMs} />
            <p className="text-xs tabular-nums text-slate-600" data-test="my-assignment-times">
              {t('opd.detail.timeline', { ack: stamp(mine.acknowledged_at), enRoute: stamp(mine.en_route_at), onScene: stamp(mine.on_scene_at), done: stamp(mine.completed_at) })}
            </p>
            {mine.report && (
              <div className="text-sm" data-test="my-report">
                <span className="font-semibold">{t('opd.detail.report')}:</span>
                <p className="whitespace-pre-wrap">{mine.report}</p>
                <VictimCounts row={mine} />
              </div>
            )}
            {mine.decline_reason && (
              <p className="text-sm">
                <span className="font-semibold">{t('opd.detail.declineReason')}:</span> {mine.decline_reason}
              </p>
            )}
            {!isIncidentOpen(incident.status) ? (
              <p className="text-sm">{t('opd.detail.closedIncident', { status: t(`opd.incident.${incident.status}`) })}</p>
            ) : (
              <>
                <AssignmentSteps assignment={mine} incidentStatus={incident.status} category={incident.category} missingCandidates={candidates} />
                <LocationSharing key={mine.id} assignment={mine} incidentStatus={incident.status} />
              </>
            )}
          </>
        )}
      </section>
      <section className="flex flex-col gap-1">
        <h2 className="text-xs font-semibold uppercase text-slate-500">{t('opd.detail.description')}</h2>
        <p className="whitespace-pre-wrap" data-test="incident-description">
          {incident.description}
        </p>
      </section>

      <section className="flex flex-col gap-2">
        <h2 className="text-xs font-semibold uppercase text-slate-500">{t('opd.detail.address')}</h2>
        <p data-test="incident-address">
          {incident.address ?? t('opd.detail.noAddress')}
          {incident.kecamatan && <span className="text-slate-600"> · {incident.kecamatan}</span>}
        </p>
        <HazardLines lat={incident.lat} lng={incident.lng} />
        <LazyIncidentMiniMap lat={incident.lat} lng={incident.lng} status={incident.status} category={incident.category} tiles={tiles} />
        <NavigationLinks lat={incident.lat} lng={incident.lng} label={label} t={t} />
      </section>

      <section className="flex flex-col gap-1">
        <h2 className="text-xs font-semibold uppercase text-slate-500">{t('opd.detail.caller')}</h2>
        {callers.length === 0 && <p className="text-sm text-slate-600">{t('opd.detail.noCaller')}</p>}
        <ul className="flex flex-col gap-1">
          {callers.map((c) => {
            const tel = c.caller_phone ? telUri(c.caller_phone) : null;
            return (
              <li key={c.id} className="flex items-center justify-between gap-2 text-sm" data-test="caller">
                <span>
                  {c.caller_name ?? t('opd.detail.callerUnknown')} <span className="tabular-nums text-slate-600">{c.caller_phone}</span>
                </span>
                {tel && (
                  <a href={tel} className={buttonClasses({ variant: 'success', size: 'lg', className: 'shrink-0' })} data-test="caller-tel">
                    <Phone className="h-4 w-4" aria-hidden="true" focusable={false} />
                    {t('opd.detail.call')}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="flex flex-col gap-1">
        <h2 className="text-xs font-semibold uppercase text-slate-500">{t('opd.detail.agencies')}</h2>
        <AgencyList assignments={liveAssignments.rows} agencies={agencyMap} myAgencyId={myAgencyId} />
      </section>

    </div>
  );
}
