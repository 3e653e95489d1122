'use client';
/**
 * The outbox's state at the top of the liaison's pages: the phone is offline, how many steps wait,
 * and whether stored steps could not be read back.
 */
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { useOpdQueue } from './opd-queue-provider';
import { UnreadableQueueNotice } from './unreadable-queue-notice';

export function OfflineBanner() {
  const { t, lang } = useT();
  const { online, queue } = useOpdQueue();
  const waiting = queue.filter((i) => i.state !== 'failed').length;
  return (
    <>
      <UnreadableQueueNotice />
      {(!online || waiting > 0) && (
        <div className="rounded-md border border-amber-400 bg-amber-100 px-3 py-2 text-sm text-amber-950" data-test="offline-banner" data-online={online ? 'true' : 'false'} role="status">
          {!online && <p>{t('opd.queue.offline')}</p>}
          {waiting > 0 && <p>{t(pluralKey('opd.queue.count', waiting, lang), { count: waiting })}</p>}
        </div>
      )}
    </>
  );
}
