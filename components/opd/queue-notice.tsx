'use client';
/** The outbox state of one assignment: steps waiting for the connection, being sent, or refused. */
import type { QueueItem } from '@/lib/domain/offline-queue';
import { useT } from '@/lib/i18n/use-t';

export function QueueNotice({ items, onDismiss }: { items: readonly QueueItem[]; onDismiss: (id: string) => void }) {
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1" data-test="queue-notice">
      {items.map((item) => {
        const step = t(`opd.action.${item.action}`);
        if (item.state === 'failed') {
          return (
            <li key={item.id} className="flex items-start justify-between gap-2 rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-900" data-test="action-failed" data-action={item.action} role="alert">
              <span>{t('opd.queue.failed', { step, message: item.errorMessage ?? '' })}</span>
              <button type="button" className="min-h-8 shrink-0 font-semibold underline" onClick={() => onDismiss(item.id)} data-test="action-failed-dismiss">
                {t('opd.queue.dismiss')}
              </button>
            </li>
          );
        }
        return (
          <li key={item.id} className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" data-test="action-pending" data-action={item.action} data-state={item.state}>
            {item.state === 'sending' ? t('opd.queue.sending', { step }) : t('opd.queue.pending', { step })}
          </li>
        );
      })}
    </ul>
  );
}
