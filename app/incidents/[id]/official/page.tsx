/**
 * The official Laporan Kondisi Gawat Darurat (issue #17): the product of the service standard as a
 * letter of the city government — letterhead (kop surat, set on /admin/letterhead), ticket number,
 * the incident, the caller (read through read_caller_data, so each print is in the access log),
 * the agencies and their field reports, victims, timeline, the signature block and a QR code back to
 * the ticket. A4 with "Halaman X dari Y" in the page margin (official-print.css and the page rule
 * below). Supervisors only, as the printed report: admins read no incident, leadership and agencies
 * not every caller's data.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { getIncidentReport } from '@/lib/data/incidents';
import { CALLER_DATA_MAX_CALLS, readCallerDataOf } from '@/lib/data/caller-data';
import { readLetterhead } from '@/lib/data/letterhead';
import type { Agency } from '@/lib/data/dispatch';
import { placeLine } from '@/lib/domain/incident-place';
import { pageCounterContent } from '@/lib/domain/page-counter';
import { publicLinkTo } from '@/lib/server/public-link';
import { CasualtyTable } from '@/components/incidents/casualty-table';
import { ReportAgenciesTable } from '@/components/incidents/report-agencies-table';
import { ReportFieldReports } from '@/components/incidents/report-field-reports';
import { ReportTimelineTable } from '@/components/incidents/report-timeline-table';
import { PrintButton } from '@/components/ui/print-button';
import './official-print.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('official.title') };
}

type SectionKey = 'facts' | 'caller' | 'agencies' | 'fieldReports' | 'casualties' | 'timeline' | 'closing';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

export default async function OfficialReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { profile } = await requireRole('supervisor');
  const { id } = await params;
  const { t, lang } = await getT();
  const client = await createClient();
  const report = await getIncidentReport(client, id);
  if (!report) notFound();
  const { incident, calls, assignments, events } = report;
  const [letterhead, callers, link] = await Promise.all([
    readLetterhead(client),
    // The sheet lists at most CALLER_DATA_MAX_CALLS calls; only those are read (and logged).
    readCallerDataOf(client, calls.slice(0, CALLER_DATA_MAX_CALLS).map((c) => c.id), 'official_report'),
    publicLinkTo(`/incidents/${incident.id}`),
  ]);
  const agencies = new Map<string, Agency>(report.agencies.map((a) => [a.id, a]));
  const people = new Map(report.people.map((p) => [p.id, p.full_name]));
  const renderedAt = new Date();
  // Only an absolute address is worth a QR code: a phone cannot open a bare path.
  const qrSvg = link.absolute ? await QRCode.toString(link.href, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 }) : null;
  const contacts = [
    letterhead.phone && t('official.phone', { value: letterhead.phone }),
    letterhead.email && t('official.email', { value: letterhead.email }),
    letterhead.website && t('official.website', { value: letterhead.website }),
  ].filter(Boolean);
  const place = placeLine(incident.address, incident.kelurahan, incident.kecamatan);
  const closing = incident.close_summary || incident.cancel_reason;
  const sections: SectionKey[] = ['facts', 'caller', 'agencies', 'fieldReports', 'casualties', 'timeline', ...(closing ? (['closing'] as const) : [])];
  const numbered = (key: SectionKey) => `${ROMAN[sections.indexOf(key)]}. ${t(`official.section.${key}`)}`;
  const pageRule = `@page official { @bottom-right { content: ${pageCounterContent(t('official.page'))}; font-size: 9pt; } }`;

  return (
    <article className="official-sheet mx-auto my-4 bg-white text-black shadow" data-test="official-report" data-incident-id={incident.id}>
      {/* The page numbers' words come from the dictionary, escaped for CSS (page-counter.ts). */}
      <style data-test="official-page-rule" dangerouslySetInnerHTML={{ __html: pageRule }} />
      <div className="mb-4 flex items-center justify-between print:hidden">
        <Link href={`/incidents/${incident.id}`} className="text-sm text-blue-700 underline">
          {t('official.back')}
        </Link>
        <PrintButton label={t('official.print')} />
      </div>

      <header className="official-kop text-center" data-test="official-letterhead">
        <p className="official-government" data-test="official-government">{letterhead.governmentName}</p>
        <p className="official-agency" data-test="official-agency">{letterhead.agencyName}</p>
        <p className="official-address" data-test="official-address">{letterhead.addressLine}</p>
        {contacts.length > 0 && <p className="official-address" data-test="official-contacts">{contacts.join(' · ')}</p>}
      </header>
      <div className="official-rule" aria-hidden />

      <div className="mt-5 text-center">
        <h1 className="official-title" data-test="official-title">{t('official.title')}</h1>
        <p className="text-sm" data-test="official-ticket">{t('official.number', { ticket: incident.ticket_no })}</p>
      </div>

      <section className="official-section" data-test="official-facts">
        <h2>{numbered('facts')}</h2>
        <table className="official-facts">
          <tbody>
            <tr><th>{t('dispatch.report.ticket')}</th><td className="font-mono">{incident.ticket_no}</td></tr>
            <tr><th>{t('dispatch.report.status')}</th><td data-test="official-status">{t(`dispatch.status.${incident.status}`)}</td></tr>
            <tr><th>{t('dispatch.report.category')}</th><td>{t(`dispatch.category.${incident.category}`)}</td></tr>
            <tr><th>{t('dispatch.report.priority')}</th><td>{t(`dispatch.priority.${incident.priority}`)}</td></tr>
            <tr><th>{t('dispatch.report.description')}</th><td className="whitespace-pre-line">{incident.description}</td></tr>
            <tr><th>{t('dispatch.report.location')}</th><td>{place || '—'}</td></tr>
            <tr><th>{t('dispatch.report.coordinates')}</th><td className="font-mono">{incident.lat.toFixed(6)}, {incident.lng.toFixed(6)}</td></tr>
            <tr><th>{t('official.reportedAt')}</th><td>{formatDateTime(incident.reported_at, lang)}</td></tr>
            {incident.closed_at && <tr><th>{t('official.closedAt')}</th><td>{formatDateTime(incident.closed_at, lang)}</td></tr>}
          </tbody>
        </table>
      </section>

      <section className="official-section" data-test="official-caller">
        <h2>{numbered('caller')}</h2>
        {calls.length === 0 ? (
          <p className="text-sm">{t('official.noCaller')}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-400 text-left">
                <th className="py-1">{t('dispatch.report.callerPhone')}</th>
                <th>{t('dispatch.report.callerName')}</th>
                <th>{t('dispatch.report.received')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.slice(0, CALLER_DATA_MAX_CALLS).map((c) => {
                const caller = callers.get(c.id);
                return (
                  <tr key={c.id} className="border-b border-slate-200" data-test="official-call">
                    {caller?.pseudonymised_at ? (
                      <td className="py-1" colSpan={2}>{t('official.callerHidden')}</td>
                    ) : (
                      <>
                        <td className="py-1 font-mono">{caller?.caller_phone ?? '—'}</td>
                        <td>{caller?.caller_name ?? '—'}</td>
                      </>
                    )}
                    <td className="tabular-nums">{formatDateTime(c.received_at, lang, { seconds: true })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="official-section" data-test="report-agencies">
        <h2>{numbered('agencies')}</h2>
        <ReportAgenciesTable assignments={assignments} agencies={agencies} t={t} />
      </section>

      <section className="official-section" data-test="report-field-reports">
        <h2>{numbered('fieldReports')}</h2>
        <ReportFieldReports assignments={assignments} agencies={agencies} t={t} />
      </section>

      <div className="official-section">
        <CasualtyTable assignments={assignments} agencies={agencies} category={incident.category} t={t} title={numbered('casualties')} />
      </div>

      <section className="official-section official-timeline" data-test="report-timeline">
        <h2>{numbered('timeline')}</h2>
        <ReportTimelineTable events={events} agencies={agencies} people={people} t={t} />
      </section>

      {closing && (
        <section className="official-section" data-test="official-closing">
          <h2>{numbered('closing')}</h2>
          {incident.close_summary && <p className="whitespace-pre-line text-sm">{incident.close_summary}</p>}
          {incident.closed_forced && <p className="text-sm font-semibold">{t('dispatch.report.closedForced')}</p>}
          {incident.cancel_reason && (
            <p className="whitespace-pre-line text-sm">
              {t('dispatch.report.cancelReason')}: {incident.cancel_reason}
            </p>
          )}
        </section>
      )}

      <footer className="official-end">
        <div className="official-qr" data-test="official-qr" data-url={link.href}>
          {qrSvg && <div className="official-qr-code" data-test="official-qr-svg" dangerouslySetInnerHTML={{ __html: qrSvg }} />}
          <p className="text-xs">{t('official.qrCaption')}</p>
          <p className="break-all font-mono text-xs" data-test="official-link">{link.href}</p>
          {!link.absolute && <p className="text-xs print:hidden">{t('official.qrRelative')}</p>}
        </div>
        <div className="official-signature" data-test="official-signature">
          <p data-test="official-date-line">{t('official.dateLine', { city: letterhead.city, date: formatDate(renderedAt, lang, 'letter') })}</p>
          <p>{t('official.acknowledged')}</p>
          <p data-test="official-signatory-title">{letterhead.signatoryTitle}</p>
          <div className="official-signature-space" aria-hidden />
          <p className="official-signatory-name" data-test="official-signatory-name">{letterhead.signatoryName ?? t('official.nameBlank')}</p>
          <p data-test="official-signatory-nip">{letterhead.signatoryNip ? t('official.nip', { nip: letterhead.signatoryNip }) : t('official.nipBlank')}</p>
        </div>
      </footer>
      <p className="official-printed" data-test="official-printed">
        {t('official.printedAt', { time: formatDateTime(renderedAt, lang, { seconds: true }), name: profile.full_name ?? '—' })}
      </p>
    </article>
  );
}
