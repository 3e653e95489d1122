/** A caller number's earlier calls per type (caller_call_history), and whether to warn about it. */
import type { CallType } from './workflow';

export interface CallerHistoryRow {
  call_type: CallType;
  calls: number;
}

export interface CallerHistory {
  total: number;
  prank: number;
  ghost: number;
  info: number;
  emergency: number;
  /** Prank and ghost calls together reach NUISANCE_THRESHOLD. */
  nuisance: boolean;
}

/** Two nuisance calls in 30 days: a number a second call taker should be warned about. */
export const NUISANCE_THRESHOLD = 2;

export function summariseCallerHistory(rows: readonly CallerHistoryRow[]): CallerHistory {
  const count = (type: CallType) => rows.filter((r) => r.call_type === type).reduce((sum, r) => sum + Number(r.calls), 0);
  const prank = count('prank');
  const ghost = count('ghost');
  const info = count('info');
  const emergency = count('emergency');
  return { total: prank + ghost + info + emergency, prank, ghost, info, emergency, nuisance: prank + ghost >= NUISANCE_THRESHOLD };
}
