'use client';
/**
 * The handover screen: the current shift and its change on the database clock, what is handed over
 * (live), my note for the coming change, the notes of others waiting to be acknowledged, and the
 * recent acknowledged ones. A note written or acknowledged on another desk shows at once.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { ArrowLeft } from 'lucide-react';
import { createClient } from '@/lib/supabase/client';
import { serverClockNowMs } from '@/lib/realtime/server-clock';
import { groupHandovers, handoverWindowStart } from '@/lib/domain/handover';
import { shiftBounds } from '@/lib/domain/shift';
import { formatDuration, formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { useLiveHandovers } from '@/lib/realtime/use-live-handovers';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { Alert } from '@/components/ui/alert';
import { HandoverSituation } from './handover-situation';
import { MyHandoverNote } from './my-handover-note';
import { AcknowledgedHandover, PendingHandover } from './handover-cards';
import { useShiftSchedule } from './use-shift-schedule';

const HH_MM = { seconds: false } as const;

export function HandoverBoard({ supervisorId }: { supervisorId: string }) {
  const { t } = useT();
  const [client] = useState(() => createClient());
  const [openedAt] = useState(() => serverClockNowMs());
  const since = useMemo(() => handoverWindowStart(openedAt), [openedAt]);
  const live = useLiveHandovers(client, since);
  const clock = useServerClock(client, live.status);
  const schedule = useShiftSchedule(client);
  const shift = shiftBounds(clock.nowMs, schedule.hours);
  const groups = groupHandovers(live.rows, supervisorId, shift.endMs);

  return (
    <div className="flex flex-col gap-4 p-4" data-test="handover-board">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/dispatch" className="inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs" data-test="back-to-dispatch">
          <ArrowLeft className="h-3.5 w-3.5" aria-hidden="true" focusable={false} />
          {t('area.dispatch')}
        </Link>
        <h1 className="text-xl font-bold" data-test="page-title">
          {t('handover.title')}
        </h1>
        <ConnectionStatus status={live.status} />
        <span className="text-sm font-semibold" data-test="handover-shift" data-change-at={new Date(shift.endMs).toISOString()}>
          {t('handover.shift', { from: formatTime(shift.startMs, HH_MM), to: formatTime(shift.endMs, HH_MM) })}
        </span>
        <span className="text-sm text-slate-700">
          {t('handover.changeIn', { at: formatTime(shift.endMs, HH_MM), left: formatDuration(Math.max(0, Math.round((shift.endMs - clock.nowMs) / 1000))) })}
        </span>
      </div>
      {live.error && <Alert tone="error">{t('handover.loadError')}</Alert>}
      {schedule.error && <Alert tone="info">{t('handover.scheduleError')}</Alert>}
      <div className="grid gap-4 lg:grid-cols-2">
        <HandoverSituation client={client} nowMs={clock.nowMs} />
        <div className="flex flex-col gap-4">
          <MyHandoverNote client={client} mine={groups.mine} />
          <section className="flex flex-col gap-2" data-test="handover-pending" aria-labelledby="handover-pending-title">
            <h2 id="handover-pending-title" className="font-bold">
              {t('handover.pending.title')}
            </h2>
            {groups.toAcknowledge.length === 0 ? (
              <p className="text-sm text-slate-600">{t('handover.pending.empty')}</p>
            ) : (
              groups.toAcknowledge.map((h) => <PendingHandover key={h.id} client={client} handover={h} />)
            )}
          </section>
          <section className="flex flex-col gap-2" data-test="handover-history" aria-labelledby="handover-history-title">
            <h2 id="handover-history-title" className="font-bold">
              {t('handover.history.title')}
            </h2>
            {groups.acknowledged.length === 0 ? (
              <p className="text-sm text-slate-600">{t('handover.history.empty')}</p>
            ) : (
              groups.acknowledged.map((h) => <AcknowledgedHandover key={h.id} handover={h} />)
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
