/**
 * Laporan Kondisi Gawat Darurat — the printable report of one incident, the product of the service
 * standard: ticket, the caller's call, times per stage against the targets, agencies, field reports,
 * victims per agency and the timeline. Server-rendered; print CSS in report-print.css. The caller's
 * number and name come from read_caller_data ('incident_report'), so every print is in the access log.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { callerDataOfReport, getIncidentReport } from '@/lib/data/incidents';
import type { Agency } from '@/lib/data/dispatch';
import { CategoryIcon } from '@/components/ui/category-icon';
import { CasualtyTable } from '@/components/incidents/casualty-table';
import { ReportAgenciesTable } from '@/components/incidents/report-agencies-table';
import { ReportFieldReports } from '@/components/incidents/report-field-reports';
import { ReportTimelineTable } from '@/components/incidents/report-timeline-table';
import { PrintButton } from '@/components/ui/print-button';
import { StageTable } from './_components/stage-table';
import './report-print.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('dispatch.report.title') };
}

export default async function IncidentReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('supervisor');
  const { id } = await params;
  const { t, lang } = await getT();
  const client = await createClient();
  const report = await getIncidentReport(client, id);
  if (!report) notFound();
  const { incident, calls, assignments, events } = report;
  const callers = await callerDataOfReport(client, report, 'incident_report');
  const agencies = new Map<string, Agency>(report.agencies.map((a) => [a.id, a]));
  const people = new Map(report.people.map((p) => [p.id, p.full_name]));
  // The report is a snapshot: running stages are measured up to the moment it is rendered.
  const renderedAt = new Date();
  const place = [
    incident.address,
    incident.kelurahan && t('dispatch.report.kelurahan', { name: incident.kelurahan }),
    incident.kecamatan && t('dispatch.report.kecamatan', { name: incident.kecamatan }),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <article className="report-sheet mx-auto my-4 max-w-4xl bg-white p-6 text-slate-950 shadow" data-test="incident-report" data-incident-id={incident.id}>
      <div className="mb-3 flex items-center justify-between print:hidden">
        <Link href="/dispatch" className="text-sm text-blue-700 underline">
          {t('dispatch.report.back')}
        </Link>
        <span className="flex items-center gap-3">
          <Link href={`/incidents/${incident.id}/official`} className="text-sm text-blue-700 underline" data-test="report-official-link">
            {t('official.link')}
          </Link>
          <PrintButton label={t('dispatch.report.print')} />
        </span>
      </div>

      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs uppercase tracking-wide">{t('app.name')}</p>
        <h1 className="text-2xl font-bold" data-test="report-title">
          {t('dispatch.report.title')}
        </h1>
        <p className="text-xs text-slate-600">{t('dispatch.report.printedAt', { time: formatDateTime(renderedAt, lang, { seconds: true }) })}</p>
      </header>

      <section className="mt-3">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-semibold">{t('dispatch.report.ticket')}</dt>
          <dd className="font-mono" data-test="report-ticket">{incident.ticket_no}</dd>
          <dt className="font-semibold">{t('dispatch.report.status')}</dt>
          <dd data-test="report-status">{t(`dispatch.status.${incident.status}`)}</dd>
          <dt className="font-semibold">{t('dispatch.report.category')}</dt>
          <dd className="flex items-center gap-1.5" data-test="report-category">
            <CategoryIcon category={incident.category} />
            {t(`dispatch.category.${incident.category}`)}
          </dd>
          <dt className="font-semibold">{t('dispatch.report.priority')}</dt>
          <dd>{t(`dispatch.priority.${incident.priority}`)}</dd>
          <dt className="font-semibold">{t('dispatch.report.description')}</dt>
          <dd>{incident.description}</dd>
          <dt className="font-semibold">{t('dispatch.report.location')}</dt>
          <dd>{place || '—'}</dd>
          <dt className="font-semibold">{t('dispatch.report.coordinates')}</dt>
          <dd className="font-mono">{incident.lat.toFixed(6)}, {incident.lng.toFixed(6)}</dd>
        </dl>
      </section>

      <section className="mt-4" data-test="report-calls">
        <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.calls')}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-400 text-left">
              <th className="py-1">{t('dispatch.report.callerPhone')}</th>
              <th>{t('dispatch.report.callerName')}</th>
              <th>{t('dispatch.report.received')}</th>
              <th>{t('dispatch.report.stage.answer')}</th>
              <th>{t('dispatch.report.stage.classify')}</th>
              <th>{t('dispatch.report.stage.record')}</th>
              <th>{t('dispatch.report.stage.close_call')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id} className="border-b border-slate-200" data-test="report-call">
                <td className="py-1 font-mono">{callers.get(c.id)?.caller_phone ?? '—'}</td>
                <td>{callers.get(c.id)?.caller_name ?? '—'}</td>
                <td className="tabular-nums">{formatDateTime(c.received_at, lang, { seconds: true })}</td>
                <td className="tabular-nums">{c.answered_at ? formatTime(c.answered_at) : '—'}</td>
                <td className="tabular-nums">{c.classified_at ? formatTime(c.classified_at) : '—'}</td>
                <td className="tabular-nums">{c.recorded_at ? formatTime(c.recorded_at) : '—'}</td>
                <td className="tabular-nums">{c.ended_at ? formatTime(c.ended_at) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="mt-4">
        <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.stages')}</h2>
        <StageTable incident={incident} assignments={assignments} call={calls[0]} targets={report.targets} nowMs={renderedAt.getTime()} t={t} />
      </section>

      <section className="mt-4" data-test="report-agencies">
        <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.agencies')}</h2>
        <ReportAgenciesTable assignments={assignments} agencies={agencies} t={t} />
      </section>

      <section className="mt-4" data-test="report-field-reports">
        <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.fieldReports')}</h2>
        <ReportFieldReports assignments={assignments} agencies={agencies} t={t} />
      </section>

      <CasualtyTable assignments={assignments} agencies={agencies} category={incident.category} t={t} />

      {(incident.close_summary || incident.cancel_reason) && (
        <section className="mt-4" data-test="report-closing">
          <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.closing')}</h2>
          {incident.close_summary && (
            <p className="whitespace-pre-line text-sm" data-test="report-close-summary">
              {incident.close_summary}
            </p>
          )}
          {incident.closed_forced && (
            <p className="text-sm font-semibold text-amber-800" data-test="report-closed-forced">
              {t('dispatch.report.closedForced')}
            </p>
          )}
          {incident.cancel_reason && (
            <p className="whitespace-pre-line text-sm">
              {t('dispatch.report.cancelReason')}: {incident.cancel_reason}
            </p>
          )}
        </section>
      )}

      <section className="mt-4" data-test="report-timeline">
        <h2 className="mb-1 text-lg font-semibold">{t('dispatch.report.timeline')}</h2>
        <ReportTimelineTable events={events} agencies={agencies} people={people} t={t} />
      </section>
    </article>
  );
}
