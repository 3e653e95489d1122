'use client';
/**
 * The caller number's earlier calls (30 days): prank and ghost counts stand out when they repeat;
 * a number under a nuisance block in force is flagged above them with its counts and expiry. The
 * call is served all the same: a real emergency from that number must get through.
 */
import { ShieldAlert } from 'lucide-react';
import type { CallerHistory } from '@/lib/domain/caller-history';
import type { ActiveBlock } from '@/lib/data/nuisance';
import { formatDateTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

export interface CallerHistoryBadgeProps {
  history: CallerHistory | null;
  /** The block in force for the number, if any. */
  block?: ActiveBlock | null;
  loading: boolean;
}

export function CallerHistoryBadge({ history, block = null, loading }: CallerHistoryBadgeProps) {
  return (
    <div className="flex flex-col gap-2">
      {block && <BlockedNumberFlag block={block} />}
      <HistoryLine history={history} loading={loading} />
    </div>
  );
}

function BlockedNumberFlag({ block }: { block: ActiveBlock }) {
  const { t, lang } = useT();
  return (
    <div
      role="status"
      data-test="number-blocked"
      data-block-id={block.id}
      data-expires-at={block.expiresAt}
      className="flex items-start gap-2 rounded-md border-2 border-red-700 bg-red-100 px-3 py-2 text-sm text-red-950"
    >
      <ShieldAlert className="mt-0.5 h-5 w-5 shrink-0" aria-hidden="true" focusable={false} />
      <div>
        <p className="font-bold">{t('nuisance.flag.title')}</p>
        <p>
          {t('nuisance.flag.detail', {
            prank: block.prankCalls,
            ghost: block.ghostCalls,
            hours: block.windowHours,
            until: formatDateTime(block.expiresAt, lang),
          })}
        </p>
      </div>
    </div>
  );
}

function HistoryLine({ history, loading }: { history: CallerHistory | null; loading: boolean }) {
  const { t } = useT();
  if (loading && !history) {
    return (
      <p className="text-sm text-slate-500" data-test="caller-history" data-state="loading">
        {t('operator.history.loading')}
      </p>
    );
  }
  if (!history) return null;
  if (history.total === 0) {
    return (
      <p className="text-sm text-slate-600" data-test="caller-history" data-state="none">
        {t('operator.history.none')}
      </p>
    );
  }
  return (
    <p
      data-test="caller-history"
      data-state={history.nuisance ? 'nuisance' : 'known'}
      data-prank={history.prank}
      data-ghost={history.ghost}
      className={`rounded-md border-l-4 px-3 py-2 text-sm font-semibold ${history.nuisance ? 'border-red-600 bg-red-50 text-red-900' : 'border-slate-400 bg-slate-50 text-slate-800'}`}
    >
      {history.nuisance ? `${t('operator.history.nuisance')} ` : ''}
      {t('operator.history.counts', {
        prank: history.prank,
        ghost: history.ghost,
        info: history.info,
        emergency: history.emergency,
      })}
    </p>
  );
}
