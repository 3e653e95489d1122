'use client';
/** The time in WIB on the database clock, big, in the wall's header. */
import { formatDate, formatTime, WIB_LABEL } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

export function WallClock({ nowMs }: { nowMs: number }) {
  const { lang } = useT();
  return (
    <div className="flex items-baseline gap-[0.6vw]" data-test="wall-clock">
      <span className="text-[clamp(18px,0.95vw,58px)] text-slate-300">{formatDate(nowMs, lang, 'long')}</span>
      <span className="font-mono text-[clamp(18px,2vw,120px)] font-bold tabular-nums">{formatTime(nowMs)}</span>
      <span className="text-[clamp(18px,0.95vw,58px)] text-slate-300">{WIB_LABEL}</span>
    </div>
  );
}
