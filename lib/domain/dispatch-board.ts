/**
 * Rules of the supervisor's queue board: which column an incident sits in, the order inside a
 * column, the timer of the stage it is waiting in, and which assignments are overdue for an
 * acknowledgement (escalation).
 */
import { stageResult, targetsForPriority, type SlaColour, type SlaStage, type SlaTargetSet } from './sla';
import type { Enums } from '@/lib/supabase/database.types';
import { eachOnce } from './value-lists';
import type { AssignmentStatus, IncidentStatus, OpenIncidentStatus } from './workflow';

/** One column per open status, in the order of the workflow (compile-checked against the enum's open group). */
export const BOARD_COLUMNS = eachOnce<OpenIncidentStatus>()(['reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved']);
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/** The stage an incident in a column is waiting for; `handling` and `closing` have no target. */
export type BoardStage = 'dispatch' | 'acknowledge' | 'on_scene' | 'handling' | 'closing';

export interface BoardIncident {
  id: string;
  status: IncidentStatus;
  priority: Enums<'incident_priority'>;
  reported_at: string;
  dispatched_at: string | null;
  acknowledged_at: string | null;
  on_scene_at: string | null;
  resolved_at: string | null;
}

export interface StageTimer {
  stage: BoardStage;
  seconds: number;
  targetSeconds: number | null;
  colour: SlaColour | null;
}

/** Most urgent first: the order of the dispatch board and of the wall's boards. */
export const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function isBoardColumn(status: IncidentStatus): status is BoardColumn {
  return (BOARD_COLUMNS as readonly string[]).includes(status);
}

/** Most urgent first, then the one waiting longest. */
export function compareBoardIncidents(a: BoardIncident, b: BoardIncident): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || Date.parse(a.reported_at) - Date.parse(b.reported_at);
}

export function groupByColumn<T extends BoardIncident>(incidents: readonly T[]): Record<BoardColumn, T[]> {
  const groups = Object.fromEntries(BOARD_COLUMNS.map((c) => [c, [] as T[]])) as Record<BoardColumn, T[]>;
  for (const incident of incidents) if (isBoardColumn(incident.status)) groups[incident.status].push(incident);
  for (const c of BOARD_COLUMNS) groups[c].sort(compareBoardIncidents);
  return groups;
}

/**
 * The running timer of the stage the incident waits in, measured on the database clock (`nowMs`).
 * Acknowledge and on-scene are counted from dispatch, as `sla_targets` defines them; the target is
 * the one of the incident's priority.
 */
export function currentStageTimer(incident: BoardIncident, nowMs: number, targetSet: SlaTargetSet): StageTimer | null {
  const targets = targetsForPriority(targetSet, incident.priority);
  const sla = (stage: SlaStage, from: string | null): StageTimer | null => {
    const r = stageResult(stage, from, null, targets[stage], nowMs);
    return r.seconds === null ? null : { stage: stage as BoardStage, seconds: r.seconds, targetSeconds: r.targetSeconds, colour: r.colour };
  };
  const untargeted = (stage: BoardStage, from: string | null): StageTimer | null =>
    from === null ? null : { stage, seconds: Math.max(0, (nowMs - Date.parse(from)) / 1000), targetSeconds: null, colour: null };
  switch (incident.status) {
    case 'reported':
      return sla('dispatch', incident.reported_at);
    case 'dispatched':
      return sla('acknowledge', incident.dispatched_at);
    case 'acknowledged':
      return sla('on_scene', incident.dispatched_at);
    case 'on_scene':
      return untargeted('handling', incident.on_scene_at);
    case 'resolved':
      return untargeted('closing', incident.resolved_at);
    default:
      return null;
  }
}

export interface EscalationAssignment {
  status: AssignmentStatus;
  assigned_at: string;
  escalation_count: number;
  last_escalated_at: string | null;
}

export interface EscalationState {
  /** Unacknowledged beyond the acknowledge target. */
  overdue: boolean;
  /** Overdue and no follow-up recorded within the last target period: the supervisor should act. */
  needsFollowUp: boolean;
  waitingSeconds: number;
  followUps: number;
}

/**
 * An assignment still `assigned` after the acknowledge target is overdue. After a recorded follow-up
 * it stays overdue but asks for a new follow-up only when another target period has passed.
 */
export function escalationState(a: EscalationAssignment, nowMs: number, acknowledgeTargetSeconds: number): EscalationState {
  const waitingSeconds = Math.max(0, (nowMs - Date.parse(a.assigned_at)) / 1000);
  const overdue = a.status === 'assigned' && waitingSeconds > acknowledgeTargetSeconds;
  const sinceFollowUp = a.last_escalated_at === null ? Infinity : (nowMs - Date.parse(a.last_escalated_at)) / 1000;
  return {
    overdue,
    needsFollowUp: overdue && sinceFollowUp > acknowledgeTargetSeconds,
    waitingSeconds,
    followUps: a.escalation_count,
  };
}
