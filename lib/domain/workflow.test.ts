import { describe, expect, it } from 'vitest';
import { Constants } from '../supabase/database.types';
import {
  ASSIGNMENT_STATUSES,
  INCIDENT_STATUSES,
  OPEN_INCIDENT_STATUSES,
  allowedAssignmentActions,
  allowedIncidentActions,
  checkAssignmentAction,
  checkCallAction,
  checkIncidentAction,
  deriveIncidentStatus,
  resolutionTime,
  type CallState,
} from './workflow';

describe('status lists', () => {
  it('list every status in the order of the database enum', () => {
    expect(INCIDENT_STATUSES).toEqual(Constants.public.Enums.incident_status);
    expect(ASSIGNMENT_STATUSES).toEqual(Constants.public.Enums.assignment_status);
  });
  it('leave only closed and cancelled outside the open statuses', () => {
    expect(INCIDENT_STATUSES.filter((s) => !OPEN_INCIDENT_STATUSES.includes(s))).toEqual(['closed', 'cancelled']);
  });
});

describe('checkIncidentAction', () => {
  it('lets only the supervisor act on incidents', () => {
    for (const role of ['operator', 'opd', 'leadership', 'admin'] as const) {
      expect(checkIncidentAction('dispatch_incident', role, { status: 'reported' })).toBe('forbidden_role');
    }
    expect(checkIncidentAction('dispatch_incident', null, { status: 'reported' })).toBe('not_authenticated');
    expect(checkIncidentAction('dispatch_incident', 'supervisor', { status: 'reported' })).toBeNull();
  });
  it('dispatches only a reported incident; adds agencies only after that', () => {
    expect(checkIncidentAction('dispatch_incident', 'supervisor', { status: 'dispatched' })).toBe('invalid_state');
    expect(checkIncidentAction('add_agency', 'supervisor', { status: 'reported' })).toBe('invalid_state');
    expect(checkIncidentAction('add_agency', 'supervisor', { status: 'resolved' })).toBeNull();
  });
  it('needs confirmation to close with unfinished assignments, and never closes an undispatched incident', () => {
    expect(checkIncidentAction('close_incident', 'supervisor', { status: 'on_scene' })).toBe('open_assignments');
    expect(checkIncidentAction('close_incident', 'supervisor', { status: 'on_scene', force: true })).toBeNull();
    expect(checkIncidentAction('close_incident', 'supervisor', { status: 'resolved' })).toBeNull();
    expect(checkIncidentAction('close_incident', 'supervisor', { status: 'reported', force: true })).toBe('invalid_state');
  });
  it('cancels from any open state only', () => {
    expect(checkIncidentAction('cancel_incident', 'supervisor', { status: 'resolved' })).toBeNull();
    expect(checkIncidentAction('cancel_incident', 'supervisor', { status: 'closed' })).toBe('invalid_state');
  });
  it('escalates only an unacknowledged assignment', () => {
    expect(checkIncidentAction('escalate_assignment', 'supervisor', { status: 'dispatched', assignmentStatus: 'assigned' })).toBeNull();
    expect(checkIncidentAction('escalate_assignment', 'supervisor', { status: 'acknowledged', assignmentStatus: 'acknowledged' })).toBe(
      'invalid_state',
    );
  });
  it('offers the buttons that will succeed', () => {
    expect(allowedIncidentActions('supervisor', 'reported')).toEqual(['dispatch_incident', 'cancel_incident']);
    expect(allowedIncidentActions('supervisor', 'on_scene')).toEqual(['add_agency', 'cancel_incident', 'close_incident']);
    expect(allowedIncidentActions('leadership', 'on_scene')).toEqual([]);
  });
});

describe('checkAssignmentAction', () => {
  const own = { status: 'assigned', incidentStatus: 'dispatched', ownAgency: true } as const;
  it('checks role, then agency, then state', () => {
    expect(checkAssignmentAction('acknowledge_assignment', 'supervisor', own)).toBe('forbidden_role');
    expect(checkAssignmentAction('acknowledge_assignment', 'opd', { ...own, ownAgency: false })).toBe('wrong_agency');
    expect(checkAssignmentAction('acknowledge_assignment', 'opd', own)).toBeNull();
    expect(checkAssignmentAction('mark_en_route', 'opd', own)).toBe('invalid_state');
  });
  it('allows declining only before the unit is on its way', () => {
    expect(checkAssignmentAction('decline_assignment', 'opd', { ...own, status: 'acknowledged' })).toBeNull();
    expect(checkAssignmentAction('decline_assignment', 'opd', { ...own, status: 'en_route' })).toBe('invalid_state');
  });
  it('refuses every step once the incident is closed', () => {
    expect(checkAssignmentAction('complete_assignment', 'opd', { ...own, status: 'on_scene', incidentStatus: 'closed' })).toBe(
      'invalid_state',
    );
  });
  it('offers the steps that will succeed', () => {
    expect(allowedAssignmentActions('opd', { ...own, status: 'acknowledged' })).toEqual([
      'mark_en_route',
      'mark_on_scene',
      'complete_assignment',
      'decline_assignment',
    ]);
  });
});

describe('checkCallAction', () => {
  const me = 'u-1';
  const ringing: CallState = { answered: false, callType: null, ended: false, hasIncident: false, operatorId: me };
  it('lets an operator answer an unclaimed call but not a colleague\'s', () => {
    expect(checkCallAction('answer_call', { ...ringing, operatorId: null }, { role: 'operator', userId: me })).toBeNull();
    expect(checkCallAction('answer_call', { ...ringing, operatorId: 'u-2' }, { role: 'operator', userId: me })).toBe('not_your_call');
    expect(checkCallAction('answer_call', { ...ringing, operatorId: 'u-2' }, { role: 'supervisor', userId: me })).toBeNull();
  });
  it('requires classification before ending, and an incident for emergencies', () => {
    const answered = { ...ringing, answered: true };
    expect(checkCallAction('end_call', answered, { role: 'operator', userId: me })).toBe('call_not_classified');
    expect(checkCallAction('end_call', { ...answered, callType: 'emergency' }, { role: 'operator', userId: me })).toBe('call_not_reported');
    expect(checkCallAction('end_call', { ...answered, callType: 'prank' }, { role: 'operator', userId: me })).toBeNull();
    expect(checkCallAction('end_call', ringing, { role: 'operator', userId: me })).toBeNull();
  });
  it('treats reporting twice as success (idempotent)', () => {
    const reported = { ...ringing, answered: true, callType: 'emergency', hasIncident: true } as const;
    expect(checkCallAction('report_incident', reported, { role: 'operator', userId: me })).toBeNull();
  });
  it('links only open incidents and only once', () => {
    const emergency = { ...ringing, answered: true, callType: 'emergency' } as const;
    expect(
      checkCallAction('link_call_to_incident', emergency, { role: 'operator', userId: me, target: { status: 'closed', alreadyLinked: false } }),
    ).toBe('invalid_state');
    expect(
      checkCallAction('link_call_to_incident', { ...emergency, hasIncident: true }, {
        role: 'operator',
        userId: me,
        target: { status: 'dispatched', alreadyLinked: false },
      }),
    ).toBe('call_already_linked');
  });
});

describe('deriveIncidentStatus', () => {
  it('follows the furthest active agency', () => {
    expect(deriveIncidentStatus([])).toBe('reported');
    expect(deriveIncidentStatus([{ status: 'declined', wasOnScene: false }])).toBe('reported');
    expect(deriveIncidentStatus([{ status: 'assigned', wasOnScene: false }])).toBe('dispatched');
    expect(
      deriveIncidentStatus([
        { status: 'assigned', wasOnScene: false },
        { status: 'en_route', wasOnScene: false },
      ]),
    ).toBe('acknowledged');
    expect(
      deriveIncidentStatus([
        { status: 'assigned', wasOnScene: false },
        { status: 'completed', wasOnScene: true },
      ]),
    ).toBe('on_scene');
    expect(
      deriveIncidentStatus([
        { status: 'assigned', wasOnScene: false },
        { status: 'completed', wasOnScene: false },
      ]),
    ).toBe('acknowledged');
  });
  it('is resolved when every active assignment completed, ignoring declined and withdrawn ones', () => {
    expect(
      deriveIncidentStatus([
        { status: 'completed', wasOnScene: true },
        { status: 'declined', wasOnScene: false },
        { status: 'withdrawn', wasOnScene: false },
      ]),
    ).toBe('resolved');
  });
});

describe('resolutionTime', () => {
  const done = { status: 'completed' as const, completed_at: '2026-11-28T10:20:00Z' };
  const later = { status: 'completed' as const, completed_at: '2026-11-28T10:40:00Z' };
  const withdrawn = { status: 'withdrawn' as const, completed_at: null };

  it('is resolved_at when the database stamped it', () => {
    expect(resolutionTime({ status: 'closed', resolved_at: '2026-11-28T10:45:00Z' }, [done])).toBe('2026-11-28T10:45:00Z');
  });

  it('is the last completion of a ticket closed while another agency was pending (bug 5)', () => {
    expect(resolutionTime({ status: 'closed', resolved_at: null }, [later, done, withdrawn])).toBe('2026-11-28T10:40:00Z');
  });

  it('is not reached for a ticket closed with nothing completed, nor for an open one', () => {
    expect(resolutionTime({ status: 'closed', resolved_at: null }, [withdrawn])).toBeNull();
    expect(resolutionTime({ status: 'on_scene', resolved_at: null }, [done])).toBeNull();
    expect(resolutionTime({ status: 'cancelled', resolved_at: null }, [done])).toBeNull();
  });
});
