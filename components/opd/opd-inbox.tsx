'use client';
/**
 * The liaison's live inbox: the agency's open assignments (new ones first, ringing on arrival), the
 * recently finished ones, the connection state and the outbox. Resyncs after every reconnect
 * through the live-view hook; timers run on the database clock.
 */
import { useCallback, useMemo } from 'react';
import Link from 'next/link';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import type { Agency, OpdAssignment } from '@/lib/data/opd';
import { targetsForPriority, type SlaTargetSet } from '@/lib/domain/sla';
import { splitInbox } from '@/lib/domain/opd-inbox';
import { useLiveOpdAssignments } from '@/lib/realtime/use-live-opd-assignments';
import { useT } from '@/lib/i18n/use-t';
import { AlertToggle } from './alert-toggle';
import { AssignmentCard } from './assignment-card';
import { OfflineBanner } from './offline-banner';
import { useNewAssignmentAlert } from './use-new-assignment-alert';
import { useOpdQueue } from './opd-queue-provider';

export function OpdInbox({ agency, targets }: { agency: Agency; targets: SlaTargetSet }) {
  const { t } = useT();
  const { getClient } = useOpdQueue();
  const client = useMemo(() => getClient(), [getClient]);
  const live = useLiveOpdAssignments(client, agency.id);
  const clock = useServerClock(client, live.status);
  const describe = useCallback(
    (row: OpdAssignment) => ({
      title: t('opd.alerts.notificationTitle', { category: row.incident ? t(`opd.category.${row.incident.category}`) : '' }),
      body: t('opd.alerts.notificationBody', { ticket: row.incident?.ticket_no ?? '', address: row.incident?.address ?? '' }),
    }),
    [t],
  );
  const { alerted, fresh, notifyError } = useNewAssignmentAlert(live.rows, live.status, describe);
  const { open, finished } = splitInbox(live.rows);

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-3 p-3" data-test="opd-inbox" data-alerts={alerted}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="flex items-center gap-2 text-lg font-bold" data-test="page-title">
          <span className="h-3 w-3 rounded-sm" style={{ background: agency.color ?? '#64748b' }} aria-hidden="true" />
          {t('opd.inbox.title', { agency: agency.code })}
        </h1>
        <ConnectionStatus status={live.status} />
      </div>
      <AlertToggle />
      <OfflineBanner />
      {live.error && live.status === 'error' && (
        <p className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" role="alert">
          {t('opd.inbox.loadError', { message: live.error.message })}
        </p>
      )}
      {clock.error && <p className="text-xs text-amber-800">{t('opd.inbox.clockError')}</p>}
      {notifyError && (
        <p className="text-xs text-amber-800" data-test="notify-error">
          {t('opd.alerts.failed', { message: notifyError })}
        </p>
      )}
      {open.length === 0 && live.status === 'live' ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600" data-test="inbox-empty">
          {t('opd.inbox.empty')}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-test="inbox-open-list">
          {open.map((a) => (
            <AssignmentCard key={a.id} assignment={a} isNew={fresh.has(a.id)} nowMs={clock.nowMs} ackTargetSeconds={targetsForPriority(targets, a.incident?.priority ?? null).acknowledge} />
          ))}
        </ul>
      )}
      {finished.length > 0 && (
        <section className="flex flex-col gap-1">
          <h2 className="text-sm font-semibold text-slate-600">{t('opd.inbox.finished')}</h2>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-test="inbox-finished-list">
            {finished.map((a) => (
              <li key={a.id} data-test="inbox-finished" data-assignment-id={a.id} data-status={a.status}>
                <Link href={`/opd/incidents/${a.incident_id}`} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="font-mono text-xs text-slate-500">{a.incident?.ticket_no}</span>{' '}
                    {a.incident ? t(`opd.category.${a.incident.category}`) : ''}
                  </span>
                  <span className="text-xs font-semibold">{t(`opd.status.${a.status}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
