'use client';
/**
 * The dispatch board's way to the shift handover, with how many notes of other supervisors wait to
 * be acknowledged (live), so an incoming supervisor sees at once that a handover is waiting.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { ClipboardList } from 'lucide-react';
import type { Db } from '@/lib/data/db';
import { serverClockNowMs } from '@/lib/realtime/server-clock';
import { groupHandovers, handoverWindowStart } from '@/lib/domain/handover';
import { useT } from '@/lib/i18n/use-t';
import { useLiveHandovers } from '@/lib/realtime/use-live-handovers';

export function HandoverLink({ client, userId }: { client: Db; userId: string }) {
  const { t } = useT();
  const [openedAt] = useState(() => serverClockNowMs());
  const since = useMemo(() => handoverWindowStart(openedAt), [openedAt]);
  const live = useLiveHandovers(client, since);
  // Only the pending list is used here, so the shift change passed in does not matter.
  const pending = groupHandovers(live.rows, userId, 0).toAcknowledge.length;
  return (
    <Link
      href="/dispatch/handover"
      className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs ${pending ? 'border-amber-500 bg-amber-50 font-semibold text-amber-950' : ''}`}
      title={pending ? t('handover.linkPending', { count: pending }) : undefined}
      data-test="handover-link"
      data-pending={pending}
    >
      <ClipboardList className="h-3.5 w-3.5" aria-hidden="true" focusable={false} />
      {t('handover.link')}
      {pending > 0 && (
        <span className="rounded-full bg-amber-500 px-1.5 text-[0.7rem] text-slate-950 tabular-nums" aria-label={t('handover.linkPending', { count: pending })}>
          {pending}
        </span>
      )}
    </Link>
  );
}
