'use client';
/**
 * The dispatch board's waiting-calls strip (issue #16 §2): how many telephony calls ring unanswered
 * now, the longest wait ticking on the database clock, and how many callers hung up unanswered
 * today. Count and wait follow the live ringing calls; the abandoned count is re-read whenever a
 * ringing call leaves (answered or abandoned), and once a minute for the WIB midnight roll-over.
 */
import { PhoneIncoming } from 'lucide-react';
import type { Db } from '@/lib/data/db';
import { formatWait, summariseWaiting } from '@/lib/domain/ringing-calls';
import { NO_DURATION } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { useLiveRingingCalls } from '@/lib/realtime/use-live-ringing-calls';
import { useLiveWaitingSummary } from '@/lib/realtime/use-live-waiting-summary';

const ABANDONED_REREAD_MS = 60_000;

export function WaitingCallsStrip({ client, nowMs }: { client: Db; nowMs: number }) {
  const { t } = useT();
  const ringing = useLiveRingingCalls(client);
  const ringingIds = ringing.rows.map((r) => r.id).join(',');
  const summary = useLiveWaitingSummary(client, ABANDONED_REREAD_MS, ringingIds);
  const figures = summariseWaiting(ringing.rows, nowMs, summary.data?.abandonedToday ?? 0);
  const waiting = figures.waiting > 0;
  return (
    <div
      className={`flex flex-wrap items-center gap-x-4 gap-y-1 rounded border px-3 py-1 text-sm ${waiting ? 'border-amber-500 bg-amber-50 text-amber-950' : 'border-slate-200 text-slate-700'}`}
      data-test="waiting-strip"
      data-status={ringing.status}
    >
      <span className="inline-flex items-center gap-1.5 font-semibold">
        <PhoneIncoming className="h-4 w-4" aria-hidden="true" focusable={false} />
        {t('dispatch.waiting.label')}
        <span className="tabular-nums" data-test="waiting-count" data-count={figures.waiting}>
          {figures.waiting}
        </span>
      </span>
      <span>
        {t('dispatch.waiting.longest')}{' '}
        <span className="font-semibold tabular-nums" data-test="waiting-longest">
          {figures.oldestReceivedAt ? formatWait(figures.oldestReceivedAt, nowMs) : NO_DURATION}
        </span>
      </span>
      <span>
        {t('dispatch.waiting.abandoned')}{' '}
        <span className="font-semibold tabular-nums" data-test="waiting-abandoned" data-count={summary.data?.abandonedToday ?? ''}>
          {summary.data ? summary.data.abandonedToday : NO_DURATION}
        </span>
      </span>
      {summary.status === 'failing' && (
        <span className="text-xs text-red-700" role="alert">
          {t('dispatch.waiting.loadError')}
        </span>
      )}
    </div>
  );
}
