'use client';
/**
 * The wall's waiting calls (issue #16 §2): how many telephony calls ring unanswered, the longest wait
 * (ticking on the database clock between polls) and the calls abandoned since WIB midnight. Counts
 * only: the wall account may not read calls or caller data.
 */
import { PhoneIncoming } from 'lucide-react';
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import { formatWait } from '@/lib/domain/ringing-calls';
import { NO_DURATION } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

function Figure({ label, value, test, count, alert }: { label: string; value: string; test: string; count?: number; alert: boolean }) {
  return (
    <span className="inline-flex items-baseline gap-[0.4vw]" data-test={test} data-count={count}>
      <span className="text-[clamp(9px,0.75vw,46px)] uppercase tracking-wide text-slate-400">{label}</span>
      <span className={`text-[clamp(14px,1.5vw,96px)] font-bold tabular-nums ${alert ? 'text-amber-300' : 'text-slate-50'}`} data-test="wall-waiting-value">
        {value}
      </span>
    </span>
  );
}

export function WallWaitingCalls({ summary, nowMs }: { summary: WaitingSummary | undefined; nowMs: number }) {
  const { t } = useT();
  const waiting = summary?.waiting ?? 0;
  return (
    <div className="flex items-center gap-[1vw] rounded-[0.5vw] bg-slate-900 px-[0.8vw] py-[0.3vh]" data-test="wall-waiting">
      <PhoneIncoming className={`h-[1.4vw] min-h-3 w-[1.4vw] min-w-3 ${waiting > 0 ? 'text-amber-300' : 'text-slate-400'}`} aria-hidden="true" focusable={false} />
      <Figure
        test="wall-waiting-count"
        label={t('wall.waiting.count')}
        value={summary ? String(waiting) : NO_DURATION}
        count={summary?.waiting}
        alert={waiting > 0}
      />
      <Figure
        test="wall-waiting-longest"
        label={t('wall.waiting.longest')}
        value={summary?.oldestReceivedAt ? formatWait(summary.oldestReceivedAt, nowMs) : NO_DURATION}
        alert={waiting > 0}
      />
      <Figure
        test="wall-waiting-abandoned"
        label={t('wall.waiting.abandoned')}
        value={summary ? String(summary.abandonedToday) : NO_DURATION}
        count={summary?.abandonedToday}
        alert={false}
      />
    </div>
  );
}
