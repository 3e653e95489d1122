/**
 * What became of a write (a workflow RPC): the written row, or why it failed. A workflow refusal
 * carries its stable code (workflow-errors.ts), which is what screens and the offline queue act on —
 * above all `stale_version`, two users changing one thing. Other failures say whether the request
 * got no answer (status 0: the step may or may not have happened, retry-safe steps can be resent),
 * the server failed (5xx) or something else refused it. Pure: lib/data makes these from supabase-js
 * answers, and lib/data/write-result.ts words them for people.
 */
import { workflowErrorCode, type WorkflowErrorCode } from './workflow-errors';

export type WriteFailure =
  | { kind: 'workflow'; code: WorkflowErrorCode }
  | { kind: 'network'; detail: string }
  | { kind: 'server'; status: number; detail: string }
  | { kind: 'other'; status: number; detail: string };

export type WriteResult<T> = { ok: true; data: T } | { ok: false; failure: WriteFailure };

export function toWriteFailure(error: { code?: string; message: string }, status: number): WriteFailure {
  const code = workflowErrorCode(error);
  if (code) return { kind: 'workflow', code };
  if (status === 0) return { kind: 'network', detail: error.message };
  if (status >= 500) return { kind: 'server', status, detail: error.message };
  return { kind: 'other', status, detail: error.message };
}

/** True when the failure is the named workflow refusal. */
export function isRefusal(failure: WriteFailure, code: WorkflowErrorCode): boolean {
  return failure.kind === 'workflow' && failure.code === code;
}
