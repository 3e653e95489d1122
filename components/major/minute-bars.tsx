'use client';
/**
 * Linked calls per minute over the last half hour as bars, large enough to read across the room:
 * the count above every non-empty bar, the time under every fifth (WIB).
 */
import type { MinuteBar } from '@/lib/domain/major-incident';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

export function MinuteBars({ bars }: { bars: readonly MinuteBar[] }) {
  const { t } = useT();
  const max = Math.max(1, ...bars.map((b) => b.calls));
  return (
    <ol className="flex h-full min-h-0 items-stretch gap-[0.25vw]" data-test="major-minute-bars" data-total={bars.reduce((s, b) => s + b.calls, 0)}>
      {bars.map((b, i) => {
        const time = formatTime(b.startMs, { seconds: false });
        return (
          <li
            key={b.startMs}
            className="flex min-w-0 flex-1 flex-col items-center justify-end"
            data-test="major-minute-bar"
            data-calls={b.calls}
            aria-label={t('wall.major.minuteLabel', { time, count: b.calls })}
          >
            {b.calls > 0 && <span className="text-[clamp(16px,0.9vw,48px)] font-bold tabular-nums leading-none text-slate-50">{b.calls}</span>}
            <span className="mt-[0.2vh] w-full rounded-t-[0.2vw] bg-red-500" style={{ height: `${(b.calls / max) * 78}%`, minHeight: b.calls > 0 ? 4 : 1 }} />
            <span className="mt-[0.3vh] h-[1.3em] text-[clamp(14px,0.75vw,40px)] tabular-nums text-slate-400">{i % 5 === 4 || i === bars.length - 1 ? time : ''}</span>
          </li>
        );
      })}
    </ol>
  );
}
