'use client';
/**
 * The incident drawer of the dispatch screen: details, caller contact, assignments (with escalation
 * follow-up), nearest posts to assign, the live timeline, cancel and close. Its own per-incident
 * streams (assignments, calls, events) are live; every write goes through the handlers, which the
 * screen implements with the workflow RPCs and its conflict handling.
 */
import Link from 'next/link';
import { useEffect, useMemo } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';
import type { Agency, AgencyPost, Incident } from '@/lib/data/dispatch';
import { targetsForPriority, type SlaTargetSet } from '@/lib/domain/sla';
import { currentStageTimer } from '@/lib/domain/dispatch-board';
import { formatDateTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { Eye, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CategoryIcon } from '@/components/ui/category-icon';
import { StageTimer } from '@/components/queue/stage-timer';
import { AssignmentList } from './assignment-list';
import { IncidentCancelForm } from './incident-cancel-form';
import { IncidentCloseForm } from './incident-close-form';
import { IncidentTimeline } from './incident-timeline';
import { NearestPosts } from './nearest-posts';
import { HazardLines } from './hazard-lines';
import type { RunCard } from '@/lib/domain/dispatch-agencies';
import type { HazardAddition } from '@/lib/domain/hazard-run-card';
import { useLiveIncidentCalls } from './use-live-incident-calls';
import { useCallerData } from './use-caller-data';
import { useLiveIncidentEvents } from './use-live-incident-events';
import { UNFINISHED_ASSIGNMENT_STATUSES } from '@/lib/domain/workflow';
import { DrawerNoticeLine, type DrawerNotice } from './drawer-notice';

export interface IncidentDrawerProps {
  client: SupabaseClient<Database>;
  incident: Incident;
  agencies: ReadonlyMap<string, Agency>;
  posts: readonly AgencyPost[];
  /** The run card of the incident's category, which ranks the nearest posts. */
  runCard: RunCard | undefined;
  /** Kinds the hazards near the incident added to the card, with their reasons. */
  hazardAdditions?: readonly HazardAddition[];
  people: ReadonlyMap<string, string>;
  targets: SlaTargetSet;
  nowMs: number;
  viewers: readonly string[];
  notice: DrawerNotice | null;
  busy: boolean;
  onDismiss: () => void;
  onAssign: (agencyId: string) => void;
  onCancel: (reason: string) => Promise<boolean>;
  onClose: (summary: string, force: boolean) => Promise<boolean>;
  onFollowUp: (assignmentId: string, note: string) => Promise<boolean>;
}

const UNFINISHED: ReadonlySet<string> = new Set(UNFINISHED_ASSIGNMENT_STATUSES);
const ACTIVE = new Set([...UNFINISHED, 'completed']);

export function IncidentDrawer(props: IncidentDrawerProps) {
  const { client, incident, agencies, posts, people, targets, nowMs, viewers, notice, busy } = props;
  const { t, lang } = useT();
  const assignments = useLiveAssignments(client, { incidentId: incident.id });
  const calls = useLiveIncidentCalls(client, incident.id);
  const callers = useCallerData(client, calls.rows, 'dispatch_drawer');
  const events = useLiveIncidentEvents(client, incident.id);
  // A newer incident version means its assignments, calls or timeline changed too: after a conflict
  // the screen reloads the incident, and the drawer must not show older details beside it.
  const { refresh: refreshAssignments } = assignments;
  const { refresh: refreshCalls } = calls;
  const { refresh: refreshEvents } = events;
  useEffect(() => {
    void Promise.all([refreshAssignments(), refreshCalls(), refreshEvents()]);
  }, [incident.version, refreshAssignments, refreshCalls, refreshEvents]);

  const sortedAssignments = useMemo(
    () => [...assignments.rows].sort((a, b) => Date.parse(a.assigned_at) - Date.parse(b.assigned_at)),
    [assignments.rows],
  );
  const assignedAgencyIds = useMemo(
    () => new Set(sortedAssignments.filter((a) => ACTIVE.has(a.status)).map((a) => a.agency_id)),
    [sortedAssignments],
  );
  const unfinished = sortedAssignments.filter((a) => UNFINISHED.has(a.status)).length;
  const open = incident.status !== 'closed' && incident.status !== 'cancelled';
  const closable = open && incident.status !== 'reported';
  const timer = currentStageTimer(incident, nowMs, targets);

  return (
    <aside className="flex h-full min-h-0 flex-col overflow-y-auto bg-white p-3" data-test="incident-drawer" data-incident-id={incident.id} data-status={incident.status} data-version={incident.version}>
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-mono text-lg font-bold" data-test="drawer-ticket">
            {incident.ticket_no}
          </h2>
          <p className="text-sm">
            <CategoryIcon category={incident.category} className="inline-block h-4 w-4 align-[-3px]" /> {t(`dispatch.category.${incident.category}`)} ·{' '}
            {t(`dispatch.priority.${incident.priority}`)} ·{' '}
            <span className="font-semibold" data-test="drawer-status">
              {t(`dispatch.status.${incident.status}`)}
            </span>
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button variant="secondary" size="sm" onClick={props.onDismiss} aria-label={t('dispatch.drawer.close')} data-test="drawer-dismiss">
            <X className="h-4 w-4" aria-hidden="true" focusable={false} />
          </Button>
          <Link href={`/incidents/${incident.id}/report`} className="text-xs text-blue-700 underline" target="_blank" data-test="drawer-report-link">
            {t('dispatch.drawer.report')}
          </Link>
        </div>
      </header>

      {viewers.length > 0 && (
        <p className="mt-1 flex items-center gap-1 rounded bg-blue-50 px-2 py-1 text-xs text-blue-900" data-test="presence-viewers">
          <Eye className="h-3.5 w-3.5 shrink-0" aria-hidden="true" focusable={false} />
          {t('dispatch.drawer.viewers', { names: viewers.join(', ') })}
        </p>
      )}
      <section className="mt-2 text-sm">
        {timer && <StageTimer timer={timer} />}
        <p className="mt-1">{incident.description}</p>
        <p className="text-xs text-slate-600">
          {t('dispatch.drawer.location')}: {[incident.address, incident.kecamatan].filter(Boolean).join(', ') || `${incident.lat.toFixed(5)}, ${incident.lng.toFixed(5)}`}
        </p>
        <p className="text-xs text-slate-600">{t('dispatch.drawer.reportedAt', { time: formatDateTime(incident.reported_at, lang, { seconds: true }) })}</p>
        <HazardLines lat={incident.lat} lng={incident.lng} className="mt-1" />
      </section>

      <section className="mt-2" data-test="drawer-caller">
        <h3 className="text-sm font-semibold">{t('dispatch.drawer.caller')}</h3>
        {calls.rows.length === 0 && <p className="text-xs text-slate-500">{t('dispatch.drawer.noCalls')}</p>}
        <ul className="text-sm">
          {calls.rows.map((call) => {
            const c = callers.byCall.get(call.id);
            if (!c) return <li key={call.id} data-test="caller-loading" className="text-xs text-slate-500">{callers.loading ? t('dispatch.drawer.callerLoading') : '—'}</li>;
            return (
              <li key={call.id} data-test="caller-contact">
                {c.caller_name ?? t('dispatch.drawer.callerUnknown')}
                {c.caller_phone && (
                  <>
                    {' · '}
                    <a className="font-mono text-blue-700 underline" href={`tel:${c.caller_phone.replace(/[^+0-9]/g, '')}`}>
                      {c.caller_phone}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {callers.error && (
          <p className="text-xs text-red-700" role="alert" data-test="caller-error">
            {t('dispatch.drawer.callerError')}
          </p>
        )}
      </section>

      <section className="mt-2">
        <h3 className="text-sm font-semibold">{t('dispatch.assignments.title')}</h3>
        <AssignmentList
          assignments={sortedAssignments}
          agencies={agencies}
          nowMs={nowMs}
          acknowledgeTargetSeconds={targetsForPriority(targets, incident.priority).acknowledge}
          busy={busy}
          onFollowUp={open ? props.onFollowUp : undefined}
        />
        <DrawerNoticeLine notice={notice} place="assignments" />
      </section>

      <DrawerNoticeLine notice={notice} place="assign" />
      {open && (
        <div className="mt-2">
          <NearestPosts incident={incident} posts={posts} agencies={agencies} runCard={props.runCard} hazardAdditions={props.hazardAdditions} assignedAgencyIds={assignedAgencyIds} busy={busy} onAssign={props.onAssign} />
        </div>
      )}

      {open && (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {closable && <IncidentCloseForm unfinished={unfinished} busy={busy} onClose={props.onClose} />}
          <IncidentCancelForm busy={busy} onCancel={props.onCancel} />
        </div>
      )}
      <DrawerNoticeLine notice={notice} place="finish" />

      <section className="mt-3">
        <h3 className="mb-1 text-sm font-semibold">{t('dispatch.timeline.title')}</h3>
        <IncidentTimeline events={events.rows} agencies={agencies} people={people} />
      </section>
    </aside>
  );
}
