'use client';
/**
 * Tells the liaison that steps stored on this phone could not be read back: they may never have
 * reached the center, so the liaison checks the assignments and repeats them. Shown until dismissed;
 * the unreadable text itself is kept on the device for support (opd-queue-store.ts).
 */
import { useT } from '@/lib/i18n/use-t';
import { useOpdQueue } from './opd-queue-provider';

export function UnreadableQueueNotice() {
  const { t } = useT();
  const { unreadable, dismissUnreadable } = useOpdQueue();
  if (!unreadable) return null;
  return (
    <div className="flex items-start justify-between gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-test="queue-unreadable" role="alert">
      <p>{t('opd.queue.unreadable')}</p>
      <button type="button" className="min-h-8 shrink-0 font-semibold underline" onClick={dismissUnreadable} data-test="queue-unreadable-dismiss">
        {t('opd.queue.dismiss')}
      </button>
    </div>
  );
}
