'use client';
/**
 * Runs one admin write (an admin RPC) for a screen: busy while it runs, then a notice — done, the
 * translated refusal, or for `stale_version` the conflict message after the live views were read
 * again, so the admin sees what the other admin saved before trying again.
 */
import { useCallback, useState } from 'react';
import { writeFailureMessage } from '@/lib/data/write-result';
import { isRefusal, type WriteResult } from '@/lib/domain/write-failure';
import { useT } from '@/lib/i18n/use-t';

export interface AdminNotice {
  kind: 'ok' | 'error' | 'conflict';
  message: string;
}

export function useAdminWrite(refresh: () => Promise<unknown>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<AdminNotice | null>(null);

  const run = useCallback(
    async <T,>(action: () => Promise<WriteResult<T>>, okMessage?: string): Promise<T | null> => {
      setBusy(true);
      setNotice(null);
      try {
        const result = await action();
        if (result.ok) {
          setNotice({ kind: 'ok', message: okMessage ?? t('admin.saved') });
          return result.data;
        }
        if (isRefusal(result.failure, 'stale_version')) {
          await refresh();
          setNotice({ kind: 'conflict', message: t('admin.conflict') });
        } else {
          setNotice({ kind: 'error', message: writeFailureMessage(result.failure, t) });
        }
        return null;
      } finally {
        setBusy(false);
      }
    },
    [refresh, t],
  );

  return { busy, notice, setNotice, run };
}
