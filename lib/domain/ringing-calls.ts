/**
 * Telephony calls waiting to be answered (issue #16 §2), without React or I/O: which of the live
 * ringing rows still count, oldest first (the caller who has waited longest is the one to pick up),
 * how long each has waited on the database clock, and the board's figures.
 */
import { formatDuration } from '@/lib/i18n/format';

export interface RingingCallRow {
  id: string;
  /** Ringing time from the PBX. */
  received_at: string;
}

/**
 * A call ringing for longer lost its end event (a PBX restart); public.waiting_calls_summary and
 * wall_open_calls leave such calls out after the same 12 hours.
 */
export const STALE_RINGING_MS = 12 * 3600_000;

/** Seconds the caller has waited at `nowMs` (database clock); never negative (clock estimates differ by a moment). */
export function waitSeconds(receivedAt: string, nowMs: number): number {
  const at = Date.parse(receivedAt);
  if (Number.isNaN(at)) throw new Error(`not a timestamp: ${receivedAt}`);
  return Math.max(0, Math.floor((nowMs - at) / 1000));
}

/** The wait as the screens show it (`m:ss`, `h:mm:ss`), with the one duration formatter of the app. */
export function formatWait(receivedAt: string, nowMs: number): string {
  return formatDuration(waitSeconds(receivedAt, nowMs));
}

/** The calls still waiting, longest wait first (ties by id, so the order never flickers). */
export function waitingCalls<Row extends RingingCallRow>(rows: readonly Row[], nowMs: number): Row[] {
  return rows
    .filter((r) => nowMs - Date.parse(r.received_at) < STALE_RINGING_MS)
    .sort((a, b) => Date.parse(a.received_at) - Date.parse(b.received_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The anonymous figures of public.waiting_calls_summary (dispatch board, wall). */
export interface WaitingSummary {
  waiting: number;
  /** Ringing time of the call waiting longest; null when none waits. */
  oldestReceivedAt: string | null;
  abandonedToday: number;
}

/** Count and longest wait of the live ringing rows, in the summary's shape (abandoned comes from the database). */
export function summariseWaiting(rows: readonly RingingCallRow[], nowMs: number, abandonedToday: number): WaitingSummary {
  const waiting = waitingCalls(rows, nowMs);
  return { waiting: waiting.length, oldestReceivedAt: waiting[0]?.received_at ?? null, abandonedToday };
}
