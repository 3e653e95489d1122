/**
 * Every write of lib/data returns a WriteResult (lib/domain/write-failure.ts) made here from what
 * supabase-js answered; writes never throw for a refusal or a lost answer. writeFailureMessage words
 * a failure in the user's language.
 */
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { toWriteFailure, type WriteFailure, type WriteResult } from '@/lib/domain/write-failure';
import type { Translate } from '@/lib/i18n/translate';

/** What supabase-js answers for an RPC or a table write. */
export interface WriteAnswer<T> {
  data: T | null;
  error: { code?: string; message: string } | null;
  status: number;
}

export function toWriteResult<T>(answer: WriteAnswer<T>): WriteResult<T> {
  if (answer.error) return { ok: false, failure: toWriteFailure(answer.error, answer.status) };
  if (answer.data === null) return { ok: false, failure: { kind: 'other', status: answer.status, detail: 'empty answer' } };
  return { ok: true, data: answer.data };
}

/** The failure in the user's language. */
export function writeFailureMessage(failure: WriteFailure, t: Translate): string {
  switch (failure.kind) {
    case 'workflow':
      return t(workflowErrorKey(failure.code));
    case 'network':
      return t('write.noAnswer');
    case 'server':
      return t('write.serverError', { status: failure.status });
    case 'other':
      return t('write.unexpected', { detail: failure.detail });
  }
}
