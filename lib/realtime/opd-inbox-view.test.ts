import { describe, expect, it } from 'vitest';
import type { Tables } from '@/lib/supabase/database.types';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@/lib/domain/workflow';
import { checkWindow, windowPart } from './live-window';
import { OPD_INBOX_WINDOW } from './opd-inbox-view';

describe('the OPD inbox window', () => {
  it('puts every assignment status in exactly one part: open ones always, finished ones among the newest', () => {
    const at = '2026-12-06T10:00:00+00:00';
    const row = (status: AssignmentStatus): Tables<'assignments'> => ({
      ...{ id: 'a', incident_id: 'i', agency_id: 'x', status, version: 1, escalation_count: 0 },
      ...{ assigned_at: at, created_at: at, updated_at: at, assigned_by: null, acknowledged_at: null, en_route_at: null, on_scene_at: null },
      ...{ completed_at: null, declined_at: null, withdrawn_at: null, last_escalated_at: null, report: null, decline_reason: null, withdraw_reason: null },
      ...{ dead_count: null, seriously_injured_count: null, lightly_injured_count: null, evacuated_count: null },
    });
    const part = (status: AssignmentStatus) => windowPart(row(status), OPD_INBOX_WINDOW);
    expect(Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, part(s)]))).toEqual({
      assigned: 'always',
      acknowledged: 'always',
      en_route: 'always',
      on_scene: 'always',
      completed: 'recent',
      declined: 'recent',
      withdrawn: 'recent',
    });
  });

  it('is a window one request can read', () => {
    expect(checkWindow(OPD_INBOX_WINDOW).limit).toBeGreaterThanOrEqual(10);
  });
});
