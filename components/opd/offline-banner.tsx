'use client';
/** Tells the liaison the phone is offline and how many steps wait in the outbox. */
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { useOpdQueue } from './opd-queue-provider';

export function OfflineBanner() {
  const { t, lang } = useT();
  const { online, queue } = useOpdQueue();
  const waiting = queue.filter((i) => i.state !== 'failed').length;
  if (online && waiting === 0) return null;
  return (
    <div className="rounded-md border border-amber-400 bg-amber-100 px-3 py-2 text-sm text-amber-950" data-test="offline-banner" data-online={online ? 'true' : 'false'} role="status">
      {!online && <p>{t('opd.queue.offline')}</p>}
      {waiting > 0 && <p>{t(pluralKey('opd.queue.count', waiting, lang), { count: waiting })}</p>}
    </div>
  );
}
