/**
 * The answer-time KPI (DESIGN.md §5): the share of calls answered within 10 s (NFPA 1225) and within
 * 15 s (NENA), each against the standards' 90 % goal, from `public.stats_answer_time`. Only calls
 * that came through the telephony feed have a measured ringing time; manual intake stamps received
 * and answered with one click, so the KPI says how many calls it covers out of all classified ones.
 */
import { ANSWER_KPI } from './sla';

/** One row of stats_answer_time as PostgREST returns it (bigint and numeric may arrive as strings). */
export interface AnswerTimeRow {
  answered_calls: number | string;
  within_10s: number | string | null;
  within_10s_share: number | string | null;
  within_15s: number | string | null;
  within_15s_share: number | string | null;
  goal_share: number | string;
  p50_seconds: number | string | null;
  p90_seconds: number | string | null;
  classified_calls: number | string;
}

export interface AnswerThreshold {
  seconds: number;
  calls: number;
  /** 0–1; null when no telephony call was answered in the range. */
  share: number | null;
  /** The share reaches the goal; null without calls. */
  meetsGoal: boolean | null;
}

export interface AnswerKpi {
  /** Telephony calls answered in the range: what the KPI covers. */
  answered: number;
  /** Every classified call in the range, telephony or manual. */
  classified: number;
  goalShare: number;
  nfpa: AnswerThreshold;
  nena: AnswerThreshold;
  p50: number | null;
  p90: number | null;
}

function num(v: number | string | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error(`not a number: ${v}`);
  return n;
}

function threshold(seconds: number, calls: number | string | null, share: number | string | null, goal: number): AnswerThreshold {
  const s = num(share);
  return { seconds, calls: num(calls) ?? 0, share: s, meetsGoal: s === null ? null : s >= goal };
}

export function answerKpi(row: AnswerTimeRow | undefined): AnswerKpi {
  const goal = row ? (num(row.goal_share) ?? ANSWER_KPI.goalShare) : ANSWER_KPI.goalShare;
  return {
    answered: row ? (num(row.answered_calls) ?? 0) : 0,
    classified: row ? (num(row.classified_calls) ?? 0) : 0,
    goalShare: goal,
    nfpa: threshold(ANSWER_KPI.nfpaSeconds, row?.within_10s ?? null, row?.within_10s_share ?? null, goal),
    nena: threshold(ANSWER_KPI.nenaSeconds, row?.within_15s ?? null, row?.within_15s_share ?? null, goal),
    p50: row ? num(row.p50_seconds) : null,
    p90: row ? num(row.p90_seconds) : null,
  };
}
