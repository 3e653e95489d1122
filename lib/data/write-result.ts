/**
 * The one result of every write (a workflow RPC): the written row, or why it failed. A workflow
 * refusal carries its stable code (lib/domain/workflow-errors.ts), which is what screens act on —
 * above all `stale_version`, two users changing one thing. Other failures say whether the request
 * got no answer (status 0: the step may or may not have happened, retry-safe steps can be resent),
 * the server failed (5xx) or something else refused it. Writes never throw for these.
 */
import { workflowErrorCode, workflowErrorKey, type WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import type { Translate } from '@/lib/i18n/translate';

export type WriteFailure =
  | { kind: 'workflow'; code: WorkflowErrorCode }
  | { kind: 'network'; detail: string }
  | { kind: 'server'; status: number; detail: string }
  | { kind: 'other'; status: number; detail: string };

export type WriteResult<T> = { ok: true; data: T } | { ok: false; failure: WriteFailure };

/** What supabase-js answers for an RPC or a table write. */
export interface WriteAnswer<T> {
  data: T | null;
  error: { code?: string; message: string } | null;
  status: number;
}

export function toWriteFailure(error: { code?: string; message: string }, status: number): WriteFailure {
  const code = workflowErrorCode(error);
  if (code) return { kind: 'workflow', code };
  if (status === 0) return { kind: 'network', detail: error.message };
  if (status >= 500) return { kind: 'server', status, detail: error.message };
  return { kind: 'other', status, detail: error.message };
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

/** True when the failure is the named workflow refusal. */
export function isRefusal(failure: WriteFailure, code: WorkflowErrorCode): boolean {
  return failure.kind === 'workflow' && failure.code === code;
}
