import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGET_SET } from './sla';
import {
  currentStageTimer,
  escalationState,
  groupByColumn,
  type BoardIncident,
} from './dispatch-board';

const T0 = Date.parse('2026-11-28T10:00:00Z');
const iso = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000).toISOString();

function incident(over: Partial<BoardIncident>): BoardIncident {
  return {
    id: 'x',
    status: 'reported',
    priority: 'medium',
    reported_at: iso(0),
    dispatched_at: null,
    acknowledged_at: null,
    on_scene_at: null,
    resolved_at: null,
    ...over,
  };
}

describe('groupByColumn', () => {
  it('puts open incidents in their status column, most urgent and oldest first, and drops closed ones', () => {
    const rows = [
      incident({ id: 'a', reported_at: iso(10) }),
      incident({ id: 'b', reported_at: iso(20), priority: 'critical' }),
      incident({ id: 'c', reported_at: iso(5) }),
      incident({ id: 'd', status: 'on_scene' }),
      incident({ id: 'e', status: 'closed' }),
    ];
    const g = groupByColumn(rows);
    expect(g.reported.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(g.on_scene.map((r) => r.id)).toEqual(['d']);
    expect(g.resolved).toEqual([]);
    expect(Object.values(g).flat().some((r) => r.id === 'e')).toBe(false);
  });
});

describe('currentStageTimer', () => {
  const targets = DEFAULT_SLA_TARGET_SET;

  it('times a reported incident against the dispatch target', () => {
    const t = currentStageTimer(incident({}), T0 + 100_000, targets);
    expect(t).toEqual({ stage: 'dispatch', seconds: 100, targetSeconds: 120, colour: 'warning' });
  });

  it('uses the target of the incident\'s priority', () => {
    const tighter = { ...targets, byPriority: { critical: { dispatch: 60 } } };
    expect(currentStageTimer(incident({ priority: 'critical' }), T0 + 100_000, tighter)).toMatchObject({ targetSeconds: 60, colour: 'breached' });
    expect(currentStageTimer(incident({ priority: 'high' }), T0 + 100_000, tighter)).toMatchObject({ targetSeconds: 120, colour: 'warning' });
  });

  it('times acknowledge and on-scene from dispatch', () => {
    const dispatched = incident({ status: 'dispatched', dispatched_at: iso(60) });
    expect(currentStageTimer(dispatched, T0 + 300_000, targets)).toMatchObject({ stage: 'acknowledge', seconds: 240, colour: 'breached' });
    const acked = incident({ status: 'acknowledged', dispatched_at: iso(60), acknowledged_at: iso(90) });
    expect(currentStageTimer(acked, T0 + 300_000, targets)).toMatchObject({ stage: 'on_scene', seconds: 240, colour: 'within' });
  });

  it('counts handling and closing without a target', () => {
    const onScene = incident({ status: 'on_scene', dispatched_at: iso(1), acknowledged_at: iso(2), on_scene_at: iso(3) });
    expect(currentStageTimer(onScene, T0 + 13_000, targets)).toEqual({ stage: 'handling', seconds: 10, targetSeconds: null, colour: null });
    const resolved = incident({ status: 'resolved', dispatched_at: iso(1), resolved_at: iso(50) });
    expect(currentStageTimer(resolved, T0 + 60_000, targets)).toMatchObject({ stage: 'closing', seconds: 10 });
    expect(currentStageTimer(incident({ status: 'closed' }), T0, targets)).toBeNull();
  });
});

describe('escalationState', () => {
  const assignment = { status: 'assigned' as const, assigned_at: iso(0), escalation_count: 0, last_escalated_at: null };

  it('flags an unacknowledged assignment past the target', () => {
    expect(escalationState(assignment, T0 + 179_000, 180)).toMatchObject({ overdue: false, needsFollowUp: false });
    expect(escalationState(assignment, T0 + 181_000, 180)).toMatchObject({ overdue: true, needsFollowUp: true, followUps: 0 });
  });

  it('quiets the flag for one target period after a follow-up', () => {
    const followed = { ...assignment, escalation_count: 1, last_escalated_at: iso(200) };
    expect(escalationState(followed, T0 + 300_000, 180)).toMatchObject({ overdue: true, needsFollowUp: false, followUps: 1 });
    expect(escalationState(followed, T0 + 381_000, 180)).toMatchObject({ overdue: true, needsFollowUp: true });
  });

  it('never flags an acknowledged assignment', () => {
    expect(escalationState({ ...assignment, status: 'acknowledged' }, T0 + 1_000_000, 180).overdue).toBe(false);
  });
});
