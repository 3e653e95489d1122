/**
 * The agencies of an incident for the printed and the official report: each assignment's status
 * (with follow-ups) and the WIB time of each stage it reached.
 */
import type { Agency, Assignment } from '@/lib/data/dispatch';
import { formatTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';

export function ReportAgenciesTable({ assignments, agencies, t }: {
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  t: Translate;
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-400 text-left">
          <th className="py-1">{t('dispatch.report.agency')}</th>
          <th>{t('dispatch.report.status')}</th>
          <th>{t('dispatch.assignment.assigned')}</th>
          <th>{t('dispatch.assignment.acknowledged')}</th>
          <th>{t('dispatch.assignment.on_scene')}</th>
          <th>{t('dispatch.assignment.completed')}</th>
        </tr>
      </thead>
      <tbody>
        {assignments.map((a) => (
          <tr key={a.id} className="border-b border-slate-200" data-test="report-assignment" data-agency-code={agencies.get(a.agency_id)?.code}>
            <td className="py-1">{agencies.get(a.agency_id)?.name ?? a.agency_id}</td>
            <td>
              {t(`dispatch.assignment.${a.status}`)}
              {a.escalation_count > 0 && ` · ${t('dispatch.assignments.followUps', { count: a.escalation_count })}`}
            </td>
            <td className="tabular-nums">{formatTime(a.assigned_at)}</td>
            <td className="tabular-nums">{a.acknowledged_at ? formatTime(a.acknowledged_at) : '—'}</td>
            <td className="tabular-nums">{a.on_scene_at ? formatTime(a.on_scene_at) : '—'}</td>
            <td className="tabular-nums">{a.completed_at ? formatTime(a.completed_at) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
