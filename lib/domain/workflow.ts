/**
 * The workflow rules of DESIGN.md §5 in pure TypeScript: which role may take which step from which
 * state, and how an incident's status follows from its assignments. The database functions are the
 * authority (they enforce the same rules); this mirror lets the UI show only the steps that will
 * succeed. `tests/conformance/workflow-sql.test.ts` runs every case against the SQL and compares.
 */
import { Constants, type Enums } from '../supabase/database.types';
import { eachOnce } from './value-lists';
import type { WorkflowErrorCode } from './workflow-errors';

export type AppRole = Enums<'app_role'>;
export type CallType = Enums<'call_type'>;
export type IncidentStatus = Enums<'incident_status'>;
export type AssignmentStatus = Enums<'assignment_status'>;

export const APP_ROLES = Constants.public.Enums.app_role;

const OPEN_INCIDENT = ['reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved'] as const satisfies readonly IncidentStatus[];
/** The statuses of an incident that is still being handled. */
export type OpenIncidentStatus = (typeof OPEN_INCIDENT)[number];
const FINAL_INCIDENT = ['closed', 'cancelled'] as const satisfies readonly IncidentStatus[];
/** Assignments an agency is still working on. */
const UNFINISHED_ASSIGNMENT = ['assigned', 'acknowledged', 'en_route', 'on_scene'] as const satisfies readonly AssignmentStatus[];
/** Assignments that no longer count for the incident's status. */
const INACTIVE_ASSIGNMENT = ['declined', 'withdrawn'] as const satisfies readonly AssignmentStatus[];

// Every status belongs to exactly one group (in the enum's order): a status a migration adds does
// not compile until it is placed, so no rule here silently treats it as open or closed.
export const INCIDENT_STATUSES = eachOnce<IncidentStatus>()([...OPEN_INCIDENT, ...FINAL_INCIDENT]);
export const ASSIGNMENT_STATUSES = eachOnce<AssignmentStatus>()([...UNFINISHED_ASSIGNMENT, 'completed', ...INACTIVE_ASSIGNMENT]);

export type CallAction = 'start_call' | 'answer_call' | 'classify_call' | 'end_call' | 'report_incident' | 'link_call_to_incident';
export type IncidentAction =
  | 'dispatch_incident'
  | 'add_agency'
  | 'replace_agency'
  | 'cancel_incident'
  | 'close_incident'
  | 'escalate_assignment';
export type AssignmentAction =
  | 'acknowledge_assignment'
  | 'mark_en_route'
  | 'mark_on_scene'
  | 'complete_assignment'
  | 'decline_assignment';
export type WorkflowAction = CallAction | IncidentAction | AssignmentAction;

/** Who may call each function at all (the first check every function makes). */
export const ACTION_ROLES: Record<WorkflowAction, readonly AppRole[]> = {
  start_call: ['operator', 'supervisor'],
  answer_call: ['operator', 'supervisor'],
  classify_call: ['operator', 'supervisor'],
  end_call: ['operator', 'supervisor'],
  report_incident: ['operator', 'supervisor'],
  link_call_to_incident: ['operator', 'supervisor'],
  dispatch_incident: ['supervisor'],
  add_agency: ['supervisor'],
  replace_agency: ['supervisor'],
  cancel_incident: ['supervisor'],
  close_incident: ['supervisor'],
  escalate_assignment: ['supervisor'],
  acknowledge_assignment: ['opd'],
  mark_en_route: ['opd'],
  mark_on_scene: ['opd'],
  complete_assignment: ['opd'],
  decline_assignment: ['opd'],
};

/** The outcome of a check: null when the step is allowed, else the code the database would raise. */
export type Verdict = WorkflowErrorCode | null;

export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = OPEN_INCIDENT;
export const INACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = INACTIVE_ASSIGNMENT;
export const UNFINISHED_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = UNFINISHED_ASSIGNMENT;
/** An agency can be added once the incident is dispatched, until it is closed. */
const TAKES_MORE_AGENCIES: readonly IncidentStatus[] = ['dispatched', 'acknowledged', 'on_scene', 'resolved'];

export function isIncidentOpen(status: IncidentStatus): boolean {
  return OPEN_INCIDENT_STATUSES.includes(status);
}

function roleVerdict(action: WorkflowAction, role: AppRole | null): Verdict {
  if (role === null) return 'not_authenticated';
  return ACTION_ROLES[action].includes(role) ? null : 'forbidden_role';
}

// ------------------------------------------------------------------------------------------------
// calls
// ------------------------------------------------------------------------------------------------
export interface CallState {
  answered: boolean;
  /** Null until classified. */
  callType: CallType | null;
  ended: boolean;
  hasIncident: boolean;
  /** The operator who holds the call, null for a ringing telephony call nobody picked up. */
  operatorId: string | null;
}

export interface CallContext {
  role: AppRole | null;
  userId: string;
  /** For link_call_to_incident: the target incident's status, and whether the call is already on it. */
  target?: { status: IncidentStatus; alreadyLinked: boolean };
}

export function checkCallAction(action: CallAction, call: CallState, ctx: CallContext): Verdict {
  const byRole = roleVerdict(action, ctx.role);
  if (byRole) return byRole;
  if (action === 'start_call') return null;
  const operatorHoldsOther = ctx.role === 'operator' && call.operatorId !== ctx.userId;
  switch (action) {
    case 'answer_call':
      if (ctx.role === 'operator' && call.operatorId !== null && call.operatorId !== ctx.userId) return 'not_your_call';
      return call.answered || call.ended ? 'invalid_state' : null;
    case 'classify_call':
      if (operatorHoldsOther) return 'not_your_call';
      return !call.answered || call.ended || call.hasIncident ? 'invalid_state' : null;
    case 'end_call':
      if (operatorHoldsOther) return 'not_your_call';
      if (call.ended) return 'invalid_state';
      if (call.answered && call.callType === null) return 'call_not_classified';
      if (call.callType === 'emergency' && !call.hasIncident) return 'call_not_reported';
      return null;
    case 'report_incident':
      if (operatorHoldsOther) return 'not_your_call';
      // Reporting again returns the existing incident: a double submit is not an error.
      if (call.hasIncident) return null;
      if (call.callType !== 'emergency') return 'call_not_emergency';
      return call.ended ? 'invalid_state' : null;
    case 'link_call_to_incident':
      if (operatorHoldsOther) return 'not_your_call';
      if (ctx.target?.alreadyLinked) return null;
      if (call.hasIncident) return 'call_already_linked';
      if (call.callType !== 'emergency') return 'call_not_emergency';
      if (call.ended) return 'invalid_state';
      return ctx.target && !isIncidentOpen(ctx.target.status) ? 'invalid_state' : null;
  }
}

// ------------------------------------------------------------------------------------------------
// incidents (supervisor)
// ------------------------------------------------------------------------------------------------
export interface IncidentActionState {
  status: IncidentStatus;
  /** The assignment a replace or escalate step targets. */
  assignmentStatus?: AssignmentStatus;
  /** close_incident: the supervisor confirmed closing with unfinished assignments. */
  force?: boolean;
}

export function checkIncidentAction(action: IncidentAction, role: AppRole | null, state: IncidentActionState): Verdict {
  const byRole = roleVerdict(action, role);
  if (byRole) return byRole;
  const { status } = state;
  switch (action) {
    case 'dispatch_incident':
      return status === 'reported' ? null : 'invalid_state';
    case 'add_agency':
      return TAKES_MORE_AGENCIES.includes(status) ? null : 'invalid_state';
    case 'replace_agency':
      return isIncidentOpen(status) && state.assignmentStatus !== undefined && UNFINISHED_ASSIGNMENT_STATUSES.includes(state.assignmentStatus)
        ? null
        : 'invalid_state';
    case 'cancel_incident':
      return isIncidentOpen(status) ? null : 'invalid_state';
    case 'close_incident':
      if (status === 'resolved') return null;
      if (status === 'reported' || !isIncidentOpen(status)) return 'invalid_state';
      return state.force ? null : 'open_assignments';
    case 'escalate_assignment':
      return state.assignmentStatus === 'assigned' && isIncidentOpen(status) ? null : 'invalid_state';
  }
}

// ------------------------------------------------------------------------------------------------
// assignments (OPD)
// ------------------------------------------------------------------------------------------------
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentAction, { from: readonly AssignmentStatus[]; to: AssignmentStatus }> = {
  acknowledge_assignment: { from: ['assigned'], to: 'acknowledged' },
  mark_en_route: { from: ['acknowledged'], to: 'en_route' },
  mark_on_scene: { from: ['acknowledged', 'en_route'], to: 'on_scene' },
  complete_assignment: { from: ['acknowledged', 'en_route', 'on_scene'], to: 'completed' },
  decline_assignment: { from: ['assigned', 'acknowledged'], to: 'declined' },
};

export interface AssignmentActionState {
  status: AssignmentStatus;
  incidentStatus: IncidentStatus;
  /** The assignment belongs to the caller's agency. */
  ownAgency: boolean;
}

export function checkAssignmentAction(action: AssignmentAction, role: AppRole | null, state: AssignmentActionState): Verdict {
  const byRole = roleVerdict(action, role);
  if (byRole) return byRole;
  if (!state.ownAgency) return 'wrong_agency';
  if (!isIncidentOpen(state.incidentStatus)) return 'invalid_state';
  return ASSIGNMENT_TRANSITIONS[action].from.includes(state.status) ? null : 'invalid_state';
}

// ------------------------------------------------------------------------------------------------
// derived incident status
// ------------------------------------------------------------------------------------------------
export interface AssignmentSnapshot {
  status: AssignmentStatus;
  /** Whether the agency reported being on scene (a completed assignment may never have been). */
  wasOnScene: boolean;
}

/**
 * Status of an open incident from its assignments, as the database derives it: none active →
 * reported; all active completed → resolved; else the furthest any active agency got.
 */
export function deriveIncidentStatus(assignments: readonly AssignmentSnapshot[]): IncidentStatus {
  const active = assignments.filter((a) => !INACTIVE_ASSIGNMENT_STATUSES.includes(a.status));
  if (active.length === 0) return 'reported';
  if (active.every((a) => a.status === 'completed')) return 'resolved';
  const level = Math.max(
    ...active.map((a) =>
      a.status === 'on_scene' || (a.status === 'completed' && a.wasOnScene)
        ? 3
        : a.status === 'acknowledged' || a.status === 'en_route' || a.status === 'completed'
          ? 2
          : 1,
    ),
  );
  return level === 3 ? 'on_scene' : level === 2 ? 'acknowledged' : 'dispatched';
}

/**
 * When the field work of an incident ended: its `resolved_at`, or, for a ticket closed before the
 * database saw it resolved (a forced close withdraws the unfinished assignments, so only completed
 * ones stay active), the last completion among its assignments. A closed ticket whose assignment was
 * completed has been handled, even when another agency was still pending at the close; one closed
 * with nothing completed has not. The one rule for every screen that shows the resolve stage.
 */
export function resolutionTime(
  incident: { status: IncidentStatus; resolved_at: string | null },
  assignments: ReadonlyArray<{ status: AssignmentStatus; completed_at: string | null }>,
): string | null {
  if (incident.resolved_at !== null || incident.status !== 'closed') return incident.resolved_at;
  let last: string | null = null;
  for (const a of assignments) {
    if (a.status !== 'completed' || a.completed_at === null) continue;
    if (last === null || Date.parse(a.completed_at) > Date.parse(last)) last = a.completed_at;
  }
  return last;
}

/** The supervisor's steps that would succeed on an incident now (for buttons). */
export function allowedIncidentActions(role: AppRole | null, status: IncidentStatus): IncidentAction[] {
  const actions: IncidentAction[] = ['dispatch_incident', 'add_agency', 'cancel_incident', 'close_incident'];
  return actions.filter((a) => checkIncidentAction(a, role, { status, force: a === 'close_incident' }) === null);
}

/** The OPD's steps that would succeed on its assignment now (for buttons). */
export function allowedAssignmentActions(role: AppRole | null, state: AssignmentActionState): AssignmentAction[] {
  return (Object.keys(ASSIGNMENT_TRANSITIONS) as AssignmentAction[]).filter(
    (a) => checkAssignmentAction(a, role, state) === null,
  );
}
