/**
 * SLA math: how long each stage of a call or incident took (or has been running), and its colour
 * against the target of `sla_targets`. Stage spans match the comment on `sla_targets.stage` and the
 * statistics' facts (supabase/migrations/20261203050300_statistics_stages.sql): one definition each.
 *
 * Call stages as the service standard defines them (DESIGN.md §5, SK 814/371/PTIK/2022):
 *   classify   panggilan masuk         received → classified (type verified)   ≈ 30 s – 1 min
 *   record     data laporan            classified → recorded (report made)     ≈ 30 s – 1 min
 *   close_call penyelesaian panggilan  recorded → ended                        ≈ 30 s
 *   call_total total                   received → ended                        3 min
 * and `answer` (received → answered), the answer-time KPI: its own figure, not part of the 3 minutes.
 *
 * Colour rule (chosen here, used by every screen): `within` below 80 % of the target, `warning`
 * from 80 % up to and including the target, `breached` once the target is exceeded. 80 % leaves an
 * operator about 12 s of a 60 s target to act before the stage turns red.
 */
import type { Enums } from '@/lib/supabase/database.types';

export type SlaStage = Enums<'sla_stage'>;
export type IncidentPriority = Enums<'incident_priority'>;
export type SlaColour = 'within' | 'warning' | 'breached';

export const WARNING_RATIO = 0.8;

/** The service standard's targets and the configurable defaults the migration inserts. */
export const DEFAULT_SLA_TARGETS: Readonly<Record<SlaStage, number>> = {
  answer: 10,
  classify: 60,
  record: 60,
  close_call: 30,
  call_total: 180,
  dispatch: 120,
  acknowledge: 180,
  on_scene: 900,
};

/** Timestamps as PostgREST returns them (ISO strings) or null. */
export interface CallTimes {
  received_at: string;
  answered_at: string | null;
  classified_at: string | null;
  /** When the record was made: incident reported or linked, nuisance classified, info note saved. */
  recorded_at: string | null;
  ended_at: string | null;
}

export interface IncidentTimes {
  reported_at: string;
  dispatched_at: string | null;
  acknowledged_at: string | null;
  on_scene_at: string | null;
}

type CallField = keyof CallTimes;
type IncidentField = keyof IncidentTimes;

export const CALL_STAGES = [
  { stage: 'answer', from: 'received_at', to: 'answered_at' },
  { stage: 'classify', from: 'received_at', to: 'classified_at' },
  { stage: 'record', from: 'classified_at', to: 'recorded_at' },
  { stage: 'close_call', from: 'recorded_at', to: 'ended_at' },
  { stage: 'call_total', from: 'received_at', to: 'ended_at' },
] as const satisfies ReadonlyArray<{ stage: SlaStage; from: CallField; to: CallField }>;

/** The answer-time KPI's standards: 90 % of calls answered within 10 s (NFPA 1225) and within 15 s (NENA). */
export const ANSWER_KPI = { goalShare: 0.9, nfpaSeconds: 10, nenaSeconds: 15 } as const;

/** The stages of a call's own timers (the rest are the incident's). */
export type CallStage = (typeof CALL_STAGES)[number]['stage'];

export const INCIDENT_STAGES: ReadonlyArray<{ stage: SlaStage; from: IncidentField; to: IncidentField }> = [
  { stage: 'dispatch', from: 'reported_at', to: 'dispatched_at' },
  { stage: 'acknowledge', from: 'dispatched_at', to: 'acknowledged_at' },
  { stage: 'on_scene', from: 'dispatched_at', to: 'on_scene_at' },
];

export interface StageResult {
  stage: SlaStage;
  /** Elapsed seconds; for a running stage, up to `nowMs`. Null when the stage has not started. */
  seconds: number | null;
  /** Started and not finished. */
  running: boolean;
  targetSeconds: number;
  colour: SlaColour | null;
}

export function slaColour(seconds: number, targetSeconds: number): SlaColour {
  if (seconds > targetSeconds) return 'breached';
  if (seconds >= WARNING_RATIO * targetSeconds) return 'warning';
  return 'within';
}

function parseMs(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${value}`);
  return ms;
}

/**
 * Duration of one stage. `nowMs` is the database clock as the screen estimates it (local clock plus
 * the measured offset), so running timers agree across machines.
 */
export function stageResult(
  stage: SlaStage,
  fromIso: string | null,
  toIso: string | null,
  targetSeconds: number,
  nowMs: number,
): StageResult {
  const from = parseMs(fromIso);
  const to = parseMs(toIso);
  if (from === null) return { stage, seconds: null, running: false, targetSeconds, colour: null };
  const end = to ?? nowMs;
  // A screen whose clock estimate lags the database must not show a negative time.
  const seconds = Math.max(0, (end - from) / 1000);
  return { stage, seconds, running: to === null, targetSeconds, colour: slaColour(seconds, targetSeconds) };
}

export function callStages(
  call: CallTimes,
  nowMs: number,
  targets: Readonly<Record<SlaStage, number>> = DEFAULT_SLA_TARGETS,
): StageResult[] {
  return CALL_STAGES.map(({ stage, from, to }) => {
    // A call that ended without being answered (caller hung up) has no later stages running.
    const toValue = call[to] ?? (call.ended_at !== null ? call.ended_at : null);
    return stageResult(stage, call[from], toValue, targets[stage], nowMs);
  });
}

export function incidentStages(
  incident: IncidentTimes,
  nowMs: number,
  targets: Readonly<Record<SlaStage, number>> = DEFAULT_SLA_TARGETS,
  /** Closed or cancelled incidents stop every running timer at this time. */
  stoppedAtIso: string | null = null,
): StageResult[] {
  const stopMs = parseMs(stoppedAtIso);
  return INCIDENT_STAGES.map(({ stage, from, to }) =>
    stageResult(stage, incident[from], incident[to], targets[stage], stopMs ?? nowMs),
  );
}

/** Rows of `sla_targets` into a complete map, falling back to the defaults for missing stages. */
export function targetsFromRows(rows: ReadonlyArray<{ stage: SlaStage; target_seconds: number }>): Record<SlaStage, number> {
  const targets: Record<SlaStage, number> = { ...DEFAULT_SLA_TARGETS };
  for (const row of rows) targets[row.stage] = row.target_seconds;
  return targets;
}

/**
 * The stages measured on an incident or its assignments: only they may have a target per priority
 * (the call stages end before an incident, and so a priority, exists). As sla_priority_targets.
 */
export const PRIORITY_STAGES = ['dispatch', 'acknowledge', 'on_scene'] as const satisfies ReadonlyArray<SlaStage>;
export type PriorityStage = (typeof PRIORITY_STAGES)[number];

/** Per-priority overrides in force; a missing entry means the stage's general target applies. */
export type PriorityOverrides = Partial<Record<IncidentPriority, Partial<Record<PriorityStage, number>>>>;

/** The targets in force: the general one of every stage and the per-priority overrides. */
export interface SlaTargetSet {
  general: Readonly<Record<SlaStage, number>>;
  byPriority: Readonly<PriorityOverrides>;
}

export const DEFAULT_SLA_TARGET_SET: SlaTargetSet = { general: DEFAULT_SLA_TARGETS, byPriority: {} };

/**
 * Which target applies (the rule of private.sla_target_in_force): for an incident of `priority`,
 * the override of its priority if one is in force, else the stage's general target. A null
 * priority (a call, before any incident) gets the general targets.
 */
export function targetsForPriority(set: SlaTargetSet, priority: IncidentPriority | null): Record<SlaStage, number> {
  const targets: Record<SlaStage, number> = { ...set.general };
  const overrides = priority === null ? undefined : set.byPriority[priority];
  if (overrides) for (const stage of PRIORITY_STAGES) targets[stage] = overrides[stage] ?? targets[stage];
  return targets;
}

/** Rows of `sla_priority_targets` (null seconds = no override) into the overrides map. */
export function overridesFromRows(
  rows: ReadonlyArray<{ stage: SlaStage; priority: IncidentPriority; target_seconds: number | null }>,
): PriorityOverrides {
  const overrides: PriorityOverrides = {};
  for (const row of rows) {
    if (row.target_seconds === null || !isPriorityStage(row.stage)) continue;
    overrides[row.priority] = { ...overrides[row.priority], [row.stage]: row.target_seconds };
  }
  return overrides;
}

export function isPriorityStage(stage: SlaStage): stage is PriorityStage {
  return (PRIORITY_STAGES as ReadonlyArray<SlaStage>).includes(stage);
}
