'use client';
/** A wall queue board: its title and count, the longest-waiting cards (capped), and how many more. */
import type { WallBoardView } from '@/lib/domain/wall';
import { useT } from '@/lib/i18n/use-t';
import { WallBoardCard } from './wall-board-card';

export function WallBoard({ view }: { view: WallBoardView }) {
  const { t } = useT();
  const hidden = view.total - view.cards.length;
  return (
    <section
      data-test="wall-board"
      data-board={view.board}
      data-count={view.total}
      className="flex min-h-0 flex-col rounded-[0.5vw] bg-slate-900 p-[0.6vw]"
    >
      <header className="mb-[0.6vh] flex items-baseline justify-between gap-[0.5vw]">
        <h2 className="line-clamp-2 text-[clamp(18px,1.1vw,64px)] font-semibold uppercase leading-tight tracking-wide text-slate-300">
          {t(`wall.board.${view.board}`)}
        </h2>
        <span data-test="wall-board-count" className="text-[clamp(18px,2.2vw,140px)] font-bold tabular-nums leading-none">
          {view.total}
        </span>
      </header>
      {view.cards.length === 0 ? (
        <p className="text-[clamp(18px,0.95vw,56px)] text-slate-500">{t('wall.board.empty')}</p>
      ) : (
        <ul className="flex min-h-0 flex-col gap-[0.5vh] overflow-hidden">
          {view.cards.map((card) => (
            <WallBoardCard key={card.id} card={card} />
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p data-test="wall-board-more" className="mt-auto pt-[0.4vh] text-right text-[clamp(18px,0.95vw,56px)] text-slate-400">
          {t('wall.board.more', { count: hidden })}
        </p>
      )}
    </section>
  );
}
