/** The agencies' field reports for the printed and the official report, each with its line breaks. */
import type { Agency, Assignment } from '@/lib/data/dispatch';
import type { Translate } from '@/lib/i18n/translate';

export function ReportFieldReports({ assignments, agencies, t }: {
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  t: Translate;
}) {
  const withReports = assignments.filter((a) => a.report);
  if (withReports.length === 0) return <p className="text-sm text-slate-600">{t('dispatch.report.noFieldReports')}</p>;
  return (
    <>
      {withReports.map((a) => (
        // pre-line keeps the liaison's line breaks; React escapes the text, so it stays text.
        <div key={a.id} className="mb-1 text-sm" data-test="report-field-report">
          <span className="font-semibold">{agencies.get(a.agency_id)?.code}:</span> <span className="whitespace-pre-line">{a.report}</span>
        </div>
      ))}
    </>
  );
}
