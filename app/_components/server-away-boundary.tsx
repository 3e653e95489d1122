'use client';
/**
 * Catches what a header form's server action throws when the Next.js server is away (restarting,
 * crashed): without it Next.js replaces the whole screen with its English "This page couldn't load",
 * and a wall or dispatch board loses its live data until someone reloads. Here only the form gives
 * way to a short notice; "Coba lagi" brings the form back, and the next submit reaches the server
 * once it is up again.
 */
import { Component, type ReactNode } from 'react';
import { useT } from '@/lib/i18n/use-t';

function ServerAwayNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useT();
  return (
    <div role="alert" className="flex max-w-xs shrink items-center gap-2 rounded bg-amber-100 px-2 py-1 text-xs text-amber-950" data-test="server-away">
      <span>
        <strong className="block">{t('serverAway.title')}</strong>
        {t('serverAway.body')}
      </span>
      <button type="button" onClick={onRetry} className="shrink-0 rounded border border-amber-800 px-2 py-1 font-semibold" data-test="server-away-retry">
        {t('serverAway.retry')}
      </button>
    </div>
  );
}

export class ServerAwayBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render(): ReactNode {
    if (this.state.failed) return <ServerAwayNotice onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
