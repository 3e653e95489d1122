/**
 * How long people take, at speed 1, as log-normal distributions (median and p95). The operator's
 * stages follow the service standard (data/cilegon.json `service_standard`: answer and
 * classification ≈ 30 s–1 min, the report ≈ 30 s–1 min, the whole call 3 min) and the answer-time
 * standards (NENA: 90 % within 15 s). The supervisor's and the agencies' times are ASSUMPTIONS of
 * the simulator: minutes, as a city's fire brigade or ambulance takes them. Every delay is divided
 * by the speed factor, so a 10-minute run at speed 60 plays ten hours of the center's work.
 */
import { logNormal, type Rng } from './random';

export interface DelayShape {
  medianMs: number;
  p95OverMedian: number;
}

export const DELAYS = {
  /** Ringing until a free operator picks up. */
  ring: { medianMs: 6_000, p95OverMedian: 2.5 },
  /** Answer → the operator presses the call type. */
  classify: { medianMs: 20_000, p95OverMedian: 2.5 },
  /** Ghost and prank calls are recognised quickly. */
  classifyNuisance: { medianMs: 10_000, p95OverMedian: 2 },
  /** Classified → the emergency form or the info answer is sent. */
  report: { medianMs: 40_000, p95OverMedian: 2 },
  /** A ghost caller's line drops soon after the answer. */
  ghostHangup: { medianMs: 3_000, p95OverMedian: 2 },
  /** Reported → the supervisor dispatches. */
  dispatch: { medianMs: 30_000, p95OverMedian: 2.5 },
  /** Dispatched → the liaison acknowledges. */
  acknowledge: { medianMs: 45_000, p95OverMedian: 3 },
  /** Acknowledged → the unit leaves. */
  enRoute: { medianMs: 60_000, p95OverMedian: 2 },
  /** En route → on scene. */
  travel: { medianMs: 8 * 60_000, p95OverMedian: 2 },
  /** On scene → the field report is sent. */
  onSceneWork: { medianMs: 15 * 60_000, p95OverMedian: 2 },
  /** Resolved → the supervisor closes the ticket. */
  close: { medianMs: 60_000, p95OverMedian: 2 },
} as const satisfies Record<string, DelayShape>;

export type DelayKind = keyof typeof DELAYS;

/** One delay in real milliseconds at the given speed, never below 1 ms. */
export function drawDelay(rng: Rng, kind: DelayKind, speed: number): number {
  if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
  const { medianMs, p95OverMedian } = DELAYS[kind];
  return Math.max(1, Math.round(logNormal(rng, medianMs, p95OverMedian) / speed));
}
