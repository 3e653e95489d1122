/**
 * Victims per agency for the printed and the official report: the counts each agency gave on completing its
 * assignment. No total row: two agencies at one scene often count the same people (the fire brigade
 * and the ambulance both report the injured they rescued), so a sum would overstate the toll.
 */
import type { Agency, Assignment } from '@/lib/data/dispatch';
import { categoryNeedsCounts, countsOf, COUNT_KEYS } from '@/lib/domain/opd-inbox';
import type { Translate } from '@/lib/i18n/translate';

export function CasualtyTable({ assignments, agencies, category, t, title }: {
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  category: string;
  t: Translate;
  /** The heading, when the report numbers its sections. */
  title?: string;
}) {
  const rows = assignments.flatMap((a) => {
    const counts = countsOf(a);
    return counts ? [{ assignment: a, counts }] : [];
  });
  // Categories without victims have nothing to say here unless an agency still reported counts.
  if (rows.length === 0 && !categoryNeedsCounts(category)) return null;

  return (
    <section className="mt-4" data-test="report-casualties">
      <h2 className="mb-1 text-lg font-semibold">{title ?? t('opd.casualties.title')}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('opd.casualties.none')}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-400 text-left">
              <th className="py-1">{t('opd.casualties.agency')}</th>
              {COUNT_KEYS.map((key) => (
                <th key={key} className="text-right">
                  {t(`opd.report.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ assignment, counts }) => {
              const agency = agencies.get(assignment.agency_id);
              return (
                <tr key={assignment.id} className="border-b border-slate-200" data-test="report-casualty" data-agency-code={agency?.code}>
                  <td className="py-1">{agency?.name ?? assignment.agency_id}</td>
                  {COUNT_KEYS.map((key) => (
                    <td key={key} className="text-right tabular-nums" data-test={`report-casualty-${key}`}>
                      {counts[key] ?? '—'}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
