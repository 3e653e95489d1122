import { describe, expect, it } from 'vitest';
import {
  callStages,
  DEFAULT_SLA_TARGET_SET,
  DEFAULT_SLA_TARGETS,
  incidentStages,
  isPriorityStage,
  overridesFromRows,
  slaColour,
  stageResult,
  targetsForPriority,
  targetsFromRows,
  type SlaStage,
} from './sla';

const t0 = Date.parse('2026-11-28T03:00:00Z');
const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('slaColour', () => {
  it('is within below 80 % of the target', () => {
    expect(slaColour(0, 60)).toBe('within');
    expect(slaColour(47.9, 60)).toBe('within');
  });
  it('warns from 80 % up to the target itself', () => {
    expect(slaColour(48, 60)).toBe('warning');
    expect(slaColour(60, 60)).toBe('warning');
  });
  it('is breached once the target is exceeded', () => {
    expect(slaColour(60.001, 60)).toBe('breached');
    expect(slaColour(3600, 60)).toBe('breached');
  });
});

describe('stageResult', () => {
  it('measures a finished stage between its two timestamps', () => {
    expect(stageResult('answer', iso(0), iso(25), 60, t0 + 999_000)).toEqual({
      stage: 'answer', seconds: 25, running: false, targetSeconds: 60, colour: 'within',
    });
  });
  it('measures a running stage up to now', () => {
    const r = stageResult('answer', iso(0), null, 60, t0 + 50_000);
    expect(r).toMatchObject({ seconds: 50, running: true, colour: 'warning' });
  });
  it('has no value before the stage starts', () => {
    expect(stageResult('classify', null, null, 60, t0)).toMatchObject({ seconds: null, running: false, colour: null });
  });
  it('never shows a negative time when the screen clock lags', () => {
    expect(stageResult('answer', iso(10), null, 60, t0).seconds).toBe(0);
  });
  it('refuses a malformed timestamp instead of guessing', () => {
    expect(() => stageResult('answer', 'yesterday', null, 60, t0)).toThrow(/not a timestamp/);
  });
});

describe('callStages', () => {
  it('follows the service standard stages of a complete call', () => {
    const stages = callStages(
      { received_at: iso(0), answered_at: iso(5), classified_at: iso(50), recorded_at: iso(100), ended_at: iso(125) },
      t0 + 1_000_000,
    );
    expect(stages.map((s) => [s.stage, s.seconds, s.colour])).toEqual([
      ['answer', 5, 'within'],
      ['classify', 50, 'warning'],
      ['record', 50, 'warning'],
      ['close_call', 25, 'warning'],
      ['call_total', 125, 'within'],
    ]);
  });
  it('keeps a normal emergency green: the form filling is data laporan, not penyelesaian', () => {
    // Classified after 20 s, report recorded 40 s later, call ended 3 s after that: every stage within.
    const call = { received_at: iso(0), answered_at: iso(0), classified_at: iso(20), recorded_at: iso(60), ended_at: iso(63) };
    const stages = callStages(call, t0 + 1_000_000);
    expect(stages.map((s) => [s.stage, s.seconds])).toEqual([
      ['answer', 0],
      ['classify', 20],
      ['record', 40],
      ['close_call', 3],
      ['call_total', 63],
    ]);
    expect(stages.every((s) => s.colour === 'within')).toBe(true);
  });
  it('runs data laporan from the classification until the report, and penyelesaian only after it', () => {
    const open = { received_at: iso(0), answered_at: iso(0), classified_at: iso(15), recorded_at: null, ended_at: null };
    const during = callStages(open, t0 + 45_000);
    expect(during.find((s) => s.stage === 'record')).toMatchObject({ seconds: 30, running: true, colour: 'within' });
    expect(during.find((s) => s.stage === 'close_call')).toMatchObject({ seconds: null, running: false });
    const after = callStages({ ...open, recorded_at: iso(50) }, t0 + 60_000);
    expect(after.find((s) => s.stage === 'record')).toMatchObject({ seconds: 35, running: false });
    expect(after.find((s) => s.stage === 'close_call')).toMatchObject({ seconds: 10, running: true, colour: 'within' });
  });
  it('starts panggilan masuk at the ringing, not at the answer', () => {
    const [, classify] = callStages(
      { received_at: iso(0), answered_at: iso(12), classified_at: null, recorded_at: null, ended_at: null },
      t0 + 40_000,
    );
    expect(classify).toMatchObject({ stage: 'classify', seconds: 40, running: true });
  });
  it('stops the ringing time when the caller hangs up unanswered', () => {
    const stages = callStages(
      { received_at: iso(0), answered_at: null, classified_at: null, recorded_at: null, ended_at: iso(90) },
      t0 + 500_000,
    );
    expect(stages[0]).toMatchObject({ stage: 'answer', seconds: 90, running: false, colour: 'breached' });
    expect(stages[2]).toMatchObject({ stage: 'record', seconds: null });
  });
  it('uses configured targets', () => {
    const targets = targetsFromRows([{ stage: 'answer', target_seconds: 15 }]);
    expect(targets.classify).toBe(DEFAULT_SLA_TARGETS.classify);
    const [answer] = callStages(
      { received_at: iso(0), answered_at: iso(14), classified_at: null, recorded_at: null, ended_at: null },
      t0,
      targets,
    );
    expect(answer).toMatchObject({ targetSeconds: 15, colour: 'warning' });
  });
  it('carries the service standard: 10-s answer, 60 + 60 + 30 s of stages within 3 minutes', () => {
    expect(DEFAULT_SLA_TARGETS).toMatchObject({ answer: 10, classify: 60, record: 60, close_call: 30, call_total: 180 });
    expect(DEFAULT_SLA_TARGETS.classify + DEFAULT_SLA_TARGETS.record + DEFAULT_SLA_TARGETS.close_call).toBeLessThanOrEqual(
      DEFAULT_SLA_TARGETS.call_total,
    );
  });
});

describe('incidentStages', () => {
  it('measures dispatch, acknowledgement and arrival (from dispatch)', () => {
    const stages = incidentStages(
      { reported_at: iso(0), dispatched_at: iso(90), acknowledged_at: iso(390), on_scene_at: iso(990) },
      t0 + 5_000_000,
    );
    expect(stages.map((s) => [s.stage, s.seconds, s.colour])).toEqual([
      ['dispatch', 90, 'within'],
      ['acknowledge', 300, 'breached'],
      ['on_scene', 900, 'warning'],
    ]);
  });
  it('freezes running timers of a closed incident at its closing time', () => {
    const stages = incidentStages(
      { reported_at: iso(0), dispatched_at: iso(30), acknowledged_at: null, on_scene_at: null },
      t0 + 5_000_000,
      DEFAULT_SLA_TARGETS,
      iso(130),
    );
    expect(stages[1]).toMatchObject({ stage: 'acknowledge', seconds: 100, running: true });
  });
});

describe('targetsForPriority', () => {
  const set = { general: DEFAULT_SLA_TARGETS, byPriority: { critical: { dispatch: 60, on_scene: 600 }, low: { acknowledge: 400 } } };

  it('takes the override of the incident\'s priority', () => {
    expect(targetsForPriority(set, 'critical')).toMatchObject({ dispatch: 60, acknowledge: 180, on_scene: 600 });
    expect(targetsForPriority(set, 'low')).toMatchObject({ dispatch: 120, acknowledge: 400, on_scene: 900 });
  });

  it('falls back to the general target without an override', () => {
    expect(targetsForPriority(set, 'medium')).toEqual(DEFAULT_SLA_TARGETS);
    expect(targetsForPriority(DEFAULT_SLA_TARGET_SET, 'critical')).toEqual(DEFAULT_SLA_TARGETS);
  });

  it('gives calls (no priority) the general targets', () => {
    expect(targetsForPriority(set, null)).toEqual(DEFAULT_SLA_TARGETS);
  });
});

describe('overridesFromRows', () => {
  it('keeps set overrides of incident stages only', () => {
    expect(
      overridesFromRows([
        { stage: 'dispatch', priority: 'critical', target_seconds: 60 },
        { stage: 'acknowledge', priority: 'critical', target_seconds: null },
        { stage: 'on_scene', priority: 'high', target_seconds: 700 },
        { stage: 'answer', priority: 'high', target_seconds: 5 },
      ]),
    ).toEqual({ critical: { dispatch: 60 }, high: { on_scene: 700 } });
  });

  it('knows which stages may depend on a priority', () => {
    const stages: SlaStage[] = ['dispatch', 'acknowledge', 'on_scene', 'answer', 'call_total'];
    expect(stages.map(isPriorityStage)).toEqual([true, true, true, false, false]);
  });
});
