'use client';
/** One call or incident on a wall board: what it is, where, and its running stage timer in SLA colour. */
import type { WallCard } from '@/lib/domain/wall';
import { formatDuration } from '@/lib/i18n/format';
import { STATUS_COLOURS } from '@/components/map/incident-layer-symbols';
import { CategoryIcon } from '@/components/ui/category-icon';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import { useT } from '@/lib/i18n/use-t';
import { slaClasses } from '@/components/ui/sla-scale';

export function WallBoardCard({ card }: { card: WallCard }) {
  const { t } = useT();
  const isCall = card.kind === 'call';
  const accent = isCall ? '#38bdf8' : (STATUS_COLOURS[card.state] ?? '#64748b');
  const title = isCall
    ? t(`wall.callStage.${card.state}` as MessageKey)
    : t(`dispatch.category.${card.category ?? 'other'}` as MessageKey);
  const subtitle = isCall
    ? card.callType
      ? t(`callType.${card.callType}`)
      : ''
    : [card.ticketNo?.slice(-4), card.kecamatan].filter(Boolean).join(' · ');
  return (
    <li
      data-test="wall-card"
      data-kind={card.kind}
      data-id={card.id}
      data-state={card.state}
      data-sla={card.colour ?? 'none'}
      className="flex items-center gap-[0.6vw] rounded-[0.4vw] bg-slate-800/80 py-[0.45vh] pl-[0.6vw] pr-[0.3vw]"
      style={{ borderLeft: `0.35vw solid ${accent}` }}
    >
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-[0.4vw] text-[clamp(18px,1.05vw,64px)] font-semibold leading-tight">
          {!isCall && <CategoryIcon category={card.category} className="h-[1.1em] w-[1.1em] shrink-0" />}
          <span className="truncate">{title}</span>
        </div>
        <div className="truncate text-[clamp(18px,0.95vw,48px)] leading-tight text-slate-300">{subtitle || '\u00a0'}</div>
      </div>
      <div className="flex flex-col items-end">
        <span
          data-test="wall-timer"
          className={`rounded-[0.3vw] px-[0.5vw] font-mono text-[clamp(18px,1.5vw,96px)] font-bold tabular-nums leading-tight ${slaClasses(card.colour, 'wall')}`}
        >
          {formatDuration(card.seconds)}
        </span>
        <span className="text-[clamp(18px,0.95vw,40px)] uppercase tracking-wide text-slate-400">
          {t(`wall.timer.${card.timerStage}` as MessageKey)}
        </span>
      </div>
    </li>
  );
}
