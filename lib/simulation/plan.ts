/**
 * The call plan: every call of a run decided up front from the seed — when it rings, who calls,
 * what kind of call it is, how long the operator takes, what emergency it reports and where. The same
 * seed, rate, duration and speed give the same plan; only the run id (which keeps the PBX call ids of
 * two runs apart) differs. The runner then plays the plan against the real interfaces.
 */
import type { CallType } from '../domain/workflow';
import {
  ABANDON_SHARE,
  CALL_TYPE_WEIGHTS,
  CATEGORY_WEIGHTS,
  DESCRIPTIONS,
  INFO_NOTES,
  PRIORITY_WEIGHTS,
  REPEAT_CALLER_SHARE,
  type IncidentCategory,
  type IncidentPriority,
} from './call-mix';
import { drawDelay } from './delays';
import { drawPlace, near, type Place } from './places';
import { chance, deriveRng, exponential, pickOne, pickWeighted, uniform, type Rng } from './random';

export interface PlannedEmergency {
  category: IncidentCategory;
  priority: IncidentPriority;
  description: string;
  place: Place;
  /** Index of the earlier call whose incident this caller is about (a repeat caller), else null. */
  repeatOf: number | null;
}

export interface PlannedCall {
  index: number;
  /** The PBX's call id, unique per run. */
  externalId: string;
  callerNumber: string;
  /** Offset from the start of the run when the phone starts ringing (real ms: the rate is real). */
  ringsAtMs: number;
  /** Ringing until a free operator would pick up. */
  ringMs: number;
  /** The caller hangs up after this long if still unanswered; null = waits as long as it takes. */
  abandonAfterMs: number | null;
  type: CallType;
  /** Answer → call type chosen. */
  classifyMs: number;
  /** Classified → report or info answer sent (0 for ghost and prank, which end on classifying). */
  reportMs: number;
  /** Ghost calls: answer → the caller's line drops. */
  ghostHangupMs: number | null;
  emergency: PlannedEmergency | null;
  infoNote: string | null;
}

export interface PlanInput {
  seed: number;
  /** Calls per second (real time). */
  rate: number;
  durationMs: number;
  speed: number;
  /** Keeps the PBX call ids of runs with the same seed apart. */
  runId: string;
}

/** How far back a repeat caller may be about (in calls), and how far from the first caller. */
const REPEAT_LOOKBACK = 20;
const REPEAT_DISTANCE_M = 150;

function callerNumber(rng: Rng): string {
  const prefix = pickOne(rng, ['0811', '0812', '0813', '0821', '0852', '0857', '0877', '0896']);
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(rng.next() * 10);
  return prefix + rest;
}

function planEmergency(rng: Rng, index: number, earlier: readonly PlannedCall[]): PlannedEmergency {
  const candidates = earlier.slice(-REPEAT_LOOKBACK).filter((c) => c.emergency && c.emergency.repeatOf === null && c.abandonAfterMs === null);
  const first = candidates.length && chance(rng, REPEAT_CALLER_SHARE) ? pickOne(rng, candidates) : null;
  if (first?.emergency) {
    const original = first.emergency;
    const point = near(rng, original.place, REPEAT_DISTANCE_M);
    return { ...original, place: { ...original.place, ...point }, repeatOf: first.index };
  }
  const category = pickWeighted(rng, CATEGORY_WEIGHTS);
  return {
    category,
    priority: pickWeighted(rng, PRIORITY_WEIGHTS[category]),
    description: pickOne(rng, DESCRIPTIONS[category]),
    place: drawPlace(rng),
    repeatOf: null,
  };
}

export function planCalls(input: PlanInput): PlannedCall[] {
  const { seed, rate, durationMs, speed, runId } = input;
  if (!(rate > 0) || !(durationMs > 0) || !(speed > 0)) throw new RangeError('rate, duration and speed must be > 0');
  const arrivals = deriveRng(seed, 'arrivals');
  const calls: PlannedCall[] = [];
  const meanGapMs = 1000 / rate;
  for (let t = exponential(arrivals, meanGapMs), index = 0; t < durationMs; t += exponential(arrivals, meanGapMs), index++) {
    // One stream per call: the draws of call n do not depend on how many draws call n-1 made.
    const rng = deriveRng(seed, `call:${index}`);
    const type = pickWeighted(rng, CALL_TYPE_WEIGHTS);
    const ringMs = drawDelay(rng, 'ring', speed);
    const abandons = chance(rng, ABANDON_SHARE);
    const nuisance = type === 'ghost' || type === 'prank';
    calls.push({
      index,
      externalId: `sim-${runId}-${index}`,
      callerNumber: callerNumber(rng),
      ringsAtMs: Math.round(t),
      ringMs,
      abandonAfterMs: abandons ? Math.max(1, Math.round(ringMs * uniform(rng, 0.2, 0.9))) : null,
      type,
      classifyMs: drawDelay(rng, nuisance ? 'classifyNuisance' : 'classify', speed),
      reportMs: nuisance ? 0 : drawDelay(rng, 'report', speed),
      ghostHangupMs: type === 'ghost' ? drawDelay(rng, 'ghostHangup', speed) : null,
      emergency: type === 'emergency' ? planEmergency(rng, index, calls) : null,
      infoNote: type === 'info' ? pickOne(rng, INFO_NOTES) : null,
    });
  }
  return calls;
}

/** Counts of a plan by kind, for the summary and for tests. */
export function planCounts(plan: readonly PlannedCall[]): Record<CallType | 'abandoning' | 'repeat', number> {
  const counts = { emergency: 0, ghost: 0, prank: 0, info: 0, abandoning: 0, repeat: 0 };
  for (const c of plan) {
    counts[c.type]++;
    if (c.abandonAfterMs !== null) counts.abandoning++;
    if (c.emergency?.repeatOf != null) counts.repeat++;
  }
  return counts;
}
