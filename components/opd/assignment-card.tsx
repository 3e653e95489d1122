'use client';
/**
 * One assignment in the liaison's inbox: what and where, the acknowledgement timer, and for a new
 * one the large "Terima" button a thumb finds without looking twice.
 */
import Link from 'next/link';
import type { OpdAssignment } from '@/lib/data/opd';
import { effectiveAssignment, outstandingFor } from '@/lib/domain/offline-queue';
import { latestState } from '@/lib/domain/opd-inbox';
import { useT } from '@/lib/i18n/use-t';
import { AckTimer } from './ack-timer';
import { PriorityBadge } from './priority-badge';
import { Button } from '@/components/ui/button';
import { CategoryIcon } from '@/components/ui/category-icon';
import { QueueNotice } from './queue-notice';
import { useOpdQueue } from './opd-queue-provider';

export function AssignmentCard({
  assignment,
  isNew,
  nowMs,
  ackTargetSeconds,
}: {
  assignment: OpdAssignment;
  isNew: boolean;
  nowMs: number;
  ackTargetSeconds: number;
}) {
  const { t } = useT();
  const { queue, applied, submit, dismiss } = useOpdQueue();
  const incident = assignment.incident;
  const state = latestState(assignment, applied.get(assignment.id));
  const effective = effectiveAssignment(queue, { id: assignment.id, ...state });
  const mine = queue.filter((i) => i.assignmentId === assignment.id);
  const waiting = outstandingFor(queue, assignment.id).length > 0;
  const canAcknowledge = effective.status === 'assigned';

  return (
    <li
      className={`flex flex-col gap-2 rounded-lg border bg-white p-3 shadow-sm ${canAcknowledge ? 'border-red-400' : 'border-slate-200'}`}
      data-test="inbox-item"
      data-assignment-id={assignment.id}
      data-incident-id={assignment.incident_id}
      data-ticket={incident?.ticket_no}
      data-status={assignment.status}
      data-effective-status={effective.status}
    >
      <div className="flex flex-wrap items-center gap-2">
        {isNew && assignment.status === 'assigned' && (
          <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold text-white" data-test="inbox-new">
            {t('opd.inbox.new')}
          </span>
        )}
        {incident && <PriorityBadge priority={incident.priority} />}
        <span className="font-mono text-xs text-slate-600">{incident?.ticket_no}</span>
        <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold" data-test="inbox-status">
          {t(`opd.status.${effective.status}`)}
        </span>
      </div>
      {incident && (
        <Link href={`/opd/incidents/${incident.id}`} className="flex flex-col gap-0.5" data-test="inbox-open">
          <span className="flex items-center gap-1.5 text-base font-bold">
            <CategoryIcon category={incident.category} />
            {t(`opd.category.${incident.category}`)}
          </span>
          <span className="text-sm text-slate-700">{incident.address ?? t('opd.detail.noAddress')}</span>
          <span className="line-clamp-2 text-sm text-slate-600">{incident.description}</span>
        </Link>
      )}
      <AckTimer assignment={{ ...assignment, status: effective.status }} targetSeconds={ackTargetSeconds} nowMs={nowMs} />
      <QueueNotice items={mine} onDismiss={dismiss} />
      {canAcknowledge && (
        <Button
          variant="primary"
          size="xl"
          className="w-full"
          disabled={waiting}
          onClick={() => submit({ assignmentId: assignment.id, action: 'acknowledge_assignment', expectedVersion: effective.version })}
          data-test="acknowledge"
        >
          {t('opd.ack.button')}
        </Button>
      )}
    </li>
  );
}
