'use client';
/**
 * What the operator typed for one call, kept in sessionStorage under the call's idempotency key, so
 * a reload, a crash of the tab's page or a failed submit never loses it. sessionStorage is per tab:
 * two consoles in two tabs keep separate calls.
 */
import { useCallback, useEffect, useState } from 'react';
import { draftStorageKey, emptyDraft, parseDraft, type CallDraft } from '@/lib/domain/call-draft';

function load(callKey: string): CallDraft {
  return parseDraft(callKey, window.sessionStorage.getItem(draftStorageKey(callKey)));
}

export function useCallDraft(callKey: string | null): {
  draft: CallDraft | null;
  update: (change: (draft: CallDraft) => CallDraft) => void;
  discard: () => void;
} {
  const [draft, setDraft] = useState<CallDraft | null>(null);

  useEffect(() => {
    // Reading storage must wait for the browser; the first render has no draft on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraft(callKey ? load(callKey) : null);
  }, [callKey]);

  const update = useCallback(
    (change: (draft: CallDraft) => CallDraft) => {
      if (!callKey) return;
      setDraft((current) => {
        const next = change(current && current.key === callKey ? current : emptyDraft(callKey));
        window.sessionStorage.setItem(draftStorageKey(callKey), JSON.stringify(next));
        return next;
      });
    },
    [callKey],
  );

  const discard = useCallback(() => {
    if (callKey) window.sessionStorage.removeItem(draftStorageKey(callKey));
  }, [callKey]);

  return { draft: draft && draft.key === callKey ? draft : null, update, discard };
}
