/**
 * The open call of this tab in sessionStorage: its idempotency key and its draft, so a reload or a
 * crashed page continues the same call with everything typed. sessionStorage is per tab: two
 * consoles in two tabs keep separate calls. Browser only (the console is never rendered on the server).
 */
import { ACTIVE_CALL_STORAGE_KEY, draftStorageKey, parseDraft, type CallDraft } from '@/lib/domain/call-draft';

export function loadOpenCall(): { key: string; draft: CallDraft } | null {
  const key = window.sessionStorage.getItem(ACTIVE_CALL_STORAGE_KEY);
  if (!key) return null;
  return { key, draft: parseDraft(key, window.sessionStorage.getItem(draftStorageKey(key))) };
}

export function rememberOpenCall(key: string): void {
  window.sessionStorage.setItem(ACTIVE_CALL_STORAGE_KEY, key);
}

export function saveDraft(draft: CallDraft): void {
  window.sessionStorage.setItem(draftStorageKey(draft.key), JSON.stringify(draft));
}

export function forgetCall(key: string): void {
  window.sessionStorage.removeItem(draftStorageKey(key));
  window.sessionStorage.removeItem(ACTIVE_CALL_STORAGE_KEY);
}
