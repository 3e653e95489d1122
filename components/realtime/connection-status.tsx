'use client';
/** A small badge telling the operator whether the screen is live, resyncing or cut off. */
import type { LiveStatus } from '@/lib/realtime/live-view';
import { useT } from '@/lib/i18n/use-t';

const DOT: Record<LiveStatus, string> = {
  idle: 'bg-gray-400',
  connecting: 'bg-amber-400 animate-pulse',
  syncing: 'bg-amber-400 animate-pulse',
  live: 'bg-emerald-500',
  reconnecting: 'bg-orange-500 animate-pulse',
  error: 'bg-red-600',
  closed: 'bg-gray-500',
};

export function ConnectionStatus({ status }: { status: LiveStatus }) {
  const { t } = useT();
  return (
    <span
      role="status"
      aria-live="polite"
      data-test="connection-status"
      data-status={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-gray-200 px-2 py-0.5 text-xs text-gray-700"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[status]}`} />
      {t(`connection.${status}`)}
    </span>
  );
}
