import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGETS, DEFAULT_SLA_TARGET_SET } from './sla';
import { buildWallBoards, callCard, incidentBoard, todayCounters, wibDayRange, type WallCall, type WallIncident } from './wall';
import { FreshTracker } from './wall-fresh';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

function incident(id: string, status: WallIncident['status'], reportedAgo: number, extra: Partial<WallIncident> = {}): WallIncident {
  return {
    id,
    status,
    priority: 'medium',
    reported_at: ago(reportedAgo),
    dispatched_at: null,
    acknowledged_at: null,
    on_scene_at: null,
    resolved_at: null,
    ticket_no: `112-20261128-${id}`,
    category: 'fire',
    kecamatan: 'Cilegon',
    ...extra,
  };
}

function call(
  id: string,
  stage: WallCall['stage'],
  receivedAgo: number,
  answeredAgo: number | null = null,
  classifiedAgo: number | null = null,
  recordedAgo: number | null = null,
): WallCall {
  const at = (s: number | null) => (s === null ? null : ago(s));
  return {
    id,
    stage,
    received_at: ago(receivedAgo),
    answered_at: at(answeredAgo),
    classified_at: at(classifiedAgo),
    recorded_at: at(recordedAgo),
    call_type: null,
  };
}

describe('wall boards', () => {
  it('times each call in progress on the stage it is in, as the service standard defines them', () => {
    // Ringing: the answer time against its 10-s KPI target.
    expect(callCard(call('a', 'ringing', 12), NOW, DEFAULT_SLA_TARGETS)).toMatchObject({ timerStage: 'answer', seconds: 12, colour: 'breached' });
    // Answered: panggilan masuk, which began at the ringing, not at the answer.
    expect(callCard(call('b', 'answered', 40, 35), NOW, DEFAULT_SLA_TARGETS)).toMatchObject({ timerStage: 'classify', seconds: 40, colour: 'within' });
    // Classified: data laporan while the form is filled.
    expect(callCard(call('c', 'classified', 70, 68, 50), NOW, DEFAULT_SLA_TARGETS)).toMatchObject({ timerStage: 'record', seconds: 50, colour: 'warning' });
    // Report recorded, still on the line: penyelesaian from the report, not from the classification.
    expect(callCard(call('d', 'recorded', 90, 88, 70, 10), NOW, DEFAULT_SLA_TARGETS)).toMatchObject({ timerStage: 'close_call', seconds: 10, colour: 'within' });
  });

  it('puts every open incident on a board, acknowledged and on-scene together, resolved awaiting the close', () => {
    expect(incidentBoard('reported')).toBe('awaiting_dispatch');
    expect(incidentBoard('dispatched')).toBe('awaiting_ack');
    expect(incidentBoard('acknowledged')).toBe('on_scene');
    expect(incidentBoard('on_scene')).toBe('on_scene');
    expect(incidentBoard('resolved')).toBe('awaiting_close');
    expect(incidentBoard('closed')).toBeNull();
  });

  it('orders each board longest waiting first and turns a timer red past its target', () => {
    const boards = buildWallBoards(
      [call('c2', 'ringing', 5), call('c1', 'ringing', 50)],
      2,
      [
        incident('0002', 'dispatched', 400, { dispatched_at: ago(100) }),
        incident('0001', 'dispatched', 300, { dispatched_at: ago(200) }),
        incident('0003', 'reported', 130),
      ],
      NOW,
      DEFAULT_SLA_TARGET_SET,
    );
    const byBoard = Object.fromEntries(boards.map((b) => [b.board, b]));
    expect(byBoard.calls.cards.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(byBoard.calls.cards.map((c) => c.colour)).toEqual(['breached', 'within']);
    expect(byBoard.awaiting_ack.cards.map((c) => c.id)).toEqual(['0001', '0002']);
    expect(byBoard.awaiting_ack.cards[0].colour).toBe('breached');
    expect(byBoard.awaiting_dispatch.cards[0]).toMatchObject({ seconds: 130, colour: 'breached' });
    expect(byBoard.on_scene.total).toBe(0);
  });

  it('orders a board by priority first, then by waiting time', () => {
    const boards = buildWallBoards(
      [],
      0,
      [
        incident('old-high', 'reported', 600, { priority: 'high' }),
        incident('new-critical', 'reported', 30, { priority: 'critical' }),
        incident('older-critical', 'reported', 90, { priority: 'critical' }),
        incident('low', 'reported', 900, { priority: 'low' }),
      ],
      NOW,
      DEFAULT_SLA_TARGET_SET,
    );
    expect(boards.find((b) => b.board === 'awaiting_dispatch')?.cards.map((c) => c.id)).toEqual(['older-critical', 'new-critical', 'old-high', 'low']);
  });

  it('counts every open incident on exactly one board', () => {
    const statuses = ['reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved'] as const;
    const open = statuses.map((status, n) =>
      incident(`i${n}`, status, 600, { dispatched_at: ago(500), acknowledged_at: ago(400), on_scene_at: ago(300), resolved_at: status === 'resolved' ? ago(100) : null }),
    );
    const boards = buildWallBoards([], 0, open, NOW, DEFAULT_SLA_TARGET_SET);
    expect(boards.filter((b) => b.board !== 'calls').reduce((sum, b) => sum + b.total, 0)).toBe(open.length);
    expect(boards.find((b) => b.board === 'awaiting_close')?.cards.map((c) => c.id)).toEqual(['i4']);
  });

  it('caps the cards of a board but counts them all, including calls beyond the query limit', () => {
    const many = Array.from({ length: 10 }, (_, n) => incident(String(1000 + n), 'reported', 10 + n));
    const boards = buildWallBoards([call('c', 'ringing', 1)], 75, many, NOW, DEFAULT_SLA_TARGET_SET, 4);
    expect(boards[1].cards).toHaveLength(4);
    expect(boards[1].total).toBe(10);
    expect(boards[1].cards[0].id).toBe('1009');
    expect(boards[0].total).toBe(75);
  });
});

describe('wibDayRange', () => {
  it('starts the day at midnight WIB, which is 17:00 UTC the day before', () => {
    expect(wibDayRange(Date.parse('2026-11-28T16:59:59Z'))).toEqual({ from: '2026-11-27T17:00:00.000Z', to: '2026-11-28T17:00:00.000Z' });
    expect(wibDayRange(Date.parse('2026-11-28T17:00:00Z'))).toEqual({ from: '2026-11-28T17:00:00.000Z', to: '2026-11-29T17:00:00.000Z' });
  });
});

describe('todayCounters', () => {
  it('sums calls by type and the overall share within target over every measured stage', () => {
    const c = todayCounters(
      [
        { call_type: 'emergency', calls: 3 },
        { call_type: 'prank', calls: 5 },
        { call_type: 'info', calls: 2 },
      ],
      [
        { stage: 'answer', target_seconds: 60, samples: 8, within_target: 6, within_target_share: 0.75 },
        { stage: 'dispatch', target_seconds: 120, samples: 2, within_target: 2, within_target_share: 1 },
        { stage: 'on_scene', target_seconds: 900, samples: 0, within_target: 0, within_target_share: null },
      ],
    );
    expect(c.totalCalls).toBe(10);
    expect(c.emergencies).toBe(3);
    expect(c.byType.ghost).toBe(0);
    expect(c.slaShare).toBeCloseTo(0.8);
    expect(c.stages.find((s) => s.stage === 'on_scene')?.share).toBeNull();
  });

  it('has no share when nothing was measured', () => {
    expect(todayCounters([], []).slaShare).toBeNull();
  });
});

describe('FreshTracker', () => {
  it('learns the first set silently, then pulses new ids for a while', () => {
    const t = new FreshTracker(1000);
    expect(t.observe(['a', 'b'], 0).size).toBe(0);
    expect([...t.observe(['a', 'b', 'c'], 100)]).toEqual(['c']);
    expect([...t.observe(['a', 'b', 'c'], 900)]).toEqual(['c']);
    expect(t.observe(['a', 'b', 'c'], 1100).size).toBe(0);
  });

  it('forgets closed ids, so a long run does not grow', () => {
    const t = new FreshTracker(1000);
    t.observe([], 0);
    for (let n = 0; n < 5000; n++) t.observe([`i${n}`, `i${n + 1}`], n * 10);
    expect(t.size()).toBeLessThanOrEqual(4);
  });
});

describe('FreshTracker identity', () => {
  it('returns the same set while nothing changes', () => {
    const t = new FreshTracker(1000);
    t.observe(['a'], 0);
    const first = t.observe(['a', 'b'], 10);
    expect(t.observe(['a', 'b'], 20)).toBe(first);
  });
});
