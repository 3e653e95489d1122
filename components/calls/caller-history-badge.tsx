'use client';
/** The caller number's earlier calls (30 days): prank and ghost counts stand out when they repeat. */
import type { CallerHistory } from '@/lib/domain/caller-history';
import { useT } from '@/lib/i18n/use-t';

export function CallerHistoryBadge({ history, loading }: { history: CallerHistory | null; loading: boolean }) {
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
