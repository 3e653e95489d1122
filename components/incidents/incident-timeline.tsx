'use client';
/** The audit trail of an incident, oldest first, with actor and agencies. */
import type { Agency, IncidentEvent } from '@/lib/data/dispatch';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { describeEvent } from './event-details';

export interface IncidentTimelineProps {
  events: readonly IncidentEvent[];
  agencies: ReadonlyMap<string, Agency>;
  people: ReadonlyMap<string, string>;
}

export function IncidentTimeline({ events, agencies, people }: IncidentTimelineProps) {
  const { t } = useT();
  if (events.length === 0) return <p className="text-sm text-slate-500">{t('dispatch.timeline.empty')}</p>;
  return (
    <ol className="flex flex-col gap-1 border-l-2 border-slate-300 pl-3" data-test="incident-timeline">
      {events.map((e) => {
        const d = describeEvent(e, agencies, t);
        return (
          <li key={e.id} className="text-xs" data-test="timeline-event" data-kind={e.kind}>
            <span className="font-mono tabular-nums text-slate-600">{formatTime(e.at)}</span>{' '}
            <span className="font-semibold">{d.title}</span>
            {d.agencies.length > 0 && <span> · {d.agencies.join(', ')}</span>}
            <span className="text-slate-500"> — {e.actor_id ? (people.get(e.actor_id) ?? t('dispatch.timeline.unknownActor')) : t('dispatch.timeline.system')}</span>
            {d.note && <div className="text-slate-700">“{d.note}”</div>}
          </li>
        );
      })}
    </ol>
  );
}
