/**
 * The audit timeline of an incident for the printed and the official report: WIB time, the event
 * in words (describeEvent, never the stored enum values) with its note, and who acted.
 */
import type { Agency, IncidentEvent } from '@/lib/data/dispatch';
import { formatTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import { describeEvent } from './event-details';

export function ReportTimelineTable({ events, agencies, people, t }: {
  events: readonly IncidentEvent[];
  agencies: ReadonlyMap<string, Agency>;
  people: ReadonlyMap<string, string | null>;
  t: Translate;
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-400 text-left">
          <th className="py-1">{t('dispatch.report.time')}</th>
          <th>{t('dispatch.report.event')}</th>
          <th>{t('dispatch.report.actor')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const d = describeEvent(e, agencies, t);
          return (
            <tr key={e.id} className="border-b border-slate-200 align-top" data-test="report-event" data-kind={e.kind}>
              <td className="py-1 tabular-nums">{formatTime(e.at)}</td>
              <td>
                {d.title}
                {d.agencies.length > 0 && ` · ${d.agencies.join(', ')}`}
                {d.note && <span className="whitespace-pre-line text-slate-600"> — “{d.note}”</span>}
              </td>
              <td>{e.actor_id ? (people.get(e.actor_id) ?? t('dispatch.timeline.unknownActor')) : t('dispatch.timeline.system')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
