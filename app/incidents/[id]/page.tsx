/**
 * One incident, read-only (issue #17): what it is, where, who handled it, and its timeline, for
 * every role that may read it (RLS decides: an incident the reader may not see is "not found",
 * as one that does not exist). Callers' numbers appear only when the calls policies return them,
 * read through read_caller_data ('incident_record') so that each view is in the access log;
 * the printed and the official report are linked for the role that may open them.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/app/_components/app-shell';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { callerDataOfReport, getIncidentReport } from '@/lib/data/incidents';
import type { Agency } from '@/lib/data/dispatch';
import { FIND_ROLES, readsPrintedReport } from '@/lib/domain/find-roles';
import { placeLine } from '@/lib/domain/incident-place';
import { IncidentTimeline } from '@/components/incidents/incident-timeline';
import { LegalHoldPanel } from '@/components/incidents/legal-hold-panel';
import { UnitTracks } from '@/components/incidents/unit-tracks';
import { readTracks } from '@/lib/data/assignment-positions';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { CategoryIcon } from '@/components/ui/category-icon';
import { buttonClasses } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('find.detail.title') };
}

export default async function IncidentRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { profile } = await requireRole(...FIND_ROLES);
  const { id } = await params;
  const { t, lang } = await getT();
  const client = await createClient();
  const report = await getIncidentReport(client, id);
  if (!report) notFound();
  const { incident, calls, assignments, events } = report;
  // RLS returns positions to supervisors, leadership and the unit's own agency only.
  const [callers, positions] = await Promise.all([
    callerDataOfReport(client, report, 'incident_record'),
    readTracks(client, assignments.map((a) => a.id)),
  ]);
  const agencies = new Map<string, Agency>(report.agencies.map((a) => [a.id, a]));
  const people = new Map(report.people.flatMap((p) => (p.full_name ? [[p.id, p.full_name] as const] : [])));
  const place = placeLine(incident.address, incident.kelurahan, incident.kecamatan);
  const stamps = [
    ['reported', incident.reported_at],
    ['dispatched', incident.dispatched_at],
    ['acknowledged', incident.acknowledged_at],
    ['on_scene', incident.on_scene_at],
    ['resolved', incident.resolved_at],
    ['closed', incident.closed_at],
    ['cancelled', incident.cancelled_at],
  ] as const;

  return (
    <AppShell>
      <article className="mx-auto flex w-full max-w-4xl flex-col gap-4 p-3 sm:p-4" data-test="incident-record" data-incident-id={incident.id}>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/incidents" className="text-sm text-blue-700 underline" data-test="record-back">
            {t('find.detail.back')}
          </Link>
          {readsPrintedReport(profile.role) ? (
            <>
              <Link href={`/incidents/${incident.id}/report`} className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'ml-auto' })} data-test="record-report-link">
                {t('find.detail.report')}
              </Link>
              <Link href={`/incidents/${incident.id}/official`} className={buttonClasses({ variant: 'secondary', size: 'sm' })} data-test="record-official-link">
                {t('official.link')}
              </Link>
            </>
          ) : null}
        </div>
        <header className="flex flex-col gap-1">
          <h1 className="break-words font-mono text-xl font-bold sm:text-2xl" data-test="record-ticket">
            {incident.ticket_no}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded bg-slate-200 px-1.5 py-0.5 font-semibold" data-test="record-status" data-status={incident.status}>
              {t(`dispatch.status.${incident.status}`)}
            </span>
            <span className="flex items-center gap-1.5 font-semibold">
              <CategoryIcon category={incident.category} />
              {t(`dispatch.category.${incident.category}`)} · {t(`dispatch.priority.${incident.priority}`)}
            </span>
          </p>
        </header>

        <section className="rounded-lg border border-slate-300 bg-white p-3">
          <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="font-semibold">{t('dispatch.report.description')}</dt>
            <dd className="whitespace-pre-line break-words">{incident.description}</dd>
            <dt className="font-semibold">{t('dispatch.report.location')}</dt>
            <dd className="break-words">{place || '—'}</dd>
            <dt className="font-semibold">{t('dispatch.report.coordinates')}</dt>
            <dd className="font-mono">
              {incident.lat.toFixed(6)}, {incident.lng.toFixed(6)}
            </dd>
            {stamps.map(([stage, at]) =>
              at ? (
                <div key={stage} className="contents">
                  <dt className="font-semibold">{t(`dispatch.status.${stage}`)}</dt>
                  <dd className="tabular-nums">{formatDateTime(at, lang)}</dd>
                </div>
              ) : null,
            )}
            {incident.close_summary ? (
              <>
                <dt className="font-semibold">{t('dispatch.report.closing')}</dt>
                <dd className="whitespace-pre-line break-words">{incident.close_summary}</dd>
              </>
            ) : null}
            {incident.cancel_reason ? (
              <>
                <dt className="font-semibold">{t('dispatch.report.cancelReason')}</dt>
                <dd className="whitespace-pre-line break-words" data-test="record-cancel-reason">
                  {incident.cancel_reason}
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        {calls.length > 0 ? (
          <section className="rounded-lg border border-slate-300 bg-white p-3" data-test="record-calls">
            <h2 className="mb-1 font-semibold">{t('dispatch.report.calls')}</h2>
            <ul className="flex flex-col gap-1 text-sm">
              {calls.map((c) => (
                <li key={c.id} data-test="record-call">
                  <span className="font-mono">{callers.get(c.id)?.caller_phone ?? '—'}</span> · {callers.get(c.id)?.caller_name ?? '—'} · {formatDateTime(c.received_at, lang)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="rounded-lg border border-slate-300 bg-white p-3" data-test="record-agencies">
          <h2 className="mb-1 font-semibold">{t('dispatch.report.agencies')}</h2>
          {assignments.length === 0 ? <p className="text-sm text-slate-600">{t('find.detail.noAgencies')}</p> : null}
          <ul className="flex flex-col gap-2 text-sm">
            {assignments.map((a) => (
              <li key={a.id} data-test="record-assignment">
                <span className="font-semibold">{agencies.get(a.agency_id)?.name ?? '—'}</span> · {t(`dispatch.assignment.${a.status}`)}
                {a.report ? <p className="whitespace-pre-line break-words text-slate-700">{a.report}</p> : null}
                {a.decline_reason ? <p className="whitespace-pre-line break-words text-slate-700">{a.decline_reason}</p> : null}
              </li>
            ))}
          </ul>
        </section>

        <UnitTracks incident={incident} assignments={assignments} positions={positions} agencies={agencies} tiles={tileConfigFromEnv()} t={t} lang={lang} />

        <section className="rounded-lg border border-slate-300 bg-white p-3">
          <h2 className="mb-1 font-semibold">{t('dispatch.report.timeline')}</h2>
          <IncidentTimeline events={events} agencies={agencies} people={people} />
        </section>
        <LegalHoldPanel incidentId={incident.id} ticketNo={incident.ticket_no} role={profile.role} />
      </article>
    </AppShell>
  );
}
