'use client';
/**
 * The wall's waiting calls (issue #16 §2): how many telephony calls ring unanswered, the longest wait
 * (ticking on the database clock between polls) and the calls abandoned since WIB midnight. Counts
 * only: the wall account may not read calls or caller data.
 */
import type { WaitingSummary } from '@/lib/domain/ringing-calls';
import { formatWait } from '@/lib/domain/ringing-calls';
import { NO_DURATION } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

function Figure({ label, value, test, count, alert }: { label: string; value: string; test: string; count?: number; alert: boolean }) {
  return (
    <li className="rounded-[0.4vw] bg-slate-900 px-[0.6vw] py-[0.4vh]" data-test={test} data-count={count}>
      <span className="line-clamp-2 block text-[clamp(18px,0.95vw,46px)] uppercase leading-tight tracking-wide text-slate-400">{label}</span>
      <span
        className={`text-[clamp(18px,1.9vw,120px)] font-bold tabular-nums leading-none ${alert ? 'text-amber-300' : 'text-slate-50'}`}
        data-test="wall-waiting-value"
      >
        {value}
      </span>
    </li>
  );
}

export function WallWaitingCalls({ summary, nowMs }: { summary: WaitingSummary | undefined; nowMs: number }) {
  const { t } = useT();
  const waiting = summary?.waiting ?? 0;
  return (
    <ul className="grid grid-cols-3 gap-[0.5vw]" data-test="wall-waiting" aria-label={t('wall.waiting.count')}>
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
    </ul>
  );
}
