import { describe, expect, it } from 'vitest';
import { answerKpi } from './answer-kpi';

describe('answerKpi', () => {
  it('reads the shares against the 90 % goal of NFPA 1225 (10 s) and NENA (15 s)', () => {
    const kpi = answerKpi({
      answered_calls: '40',
      within_10s: 35,
      within_10s_share: '0.8750',
      within_15s: 38,
      within_15s_share: '0.9500',
      goal_share: '0.9000',
      p50_seconds: '4.0',
      p90_seconds: '12.5',
      classified_calls: 120,
    });
    expect(kpi).toEqual({
      answered: 40,
      classified: 120,
      goalShare: 0.9,
      nfpa: { seconds: 10, calls: 35, share: 0.875, meetsGoal: false },
      nena: { seconds: 15, calls: 38, share: 0.95, meetsGoal: true },
      p50: 4,
      p90: 12.5,
    });
  });
  it('meets the goal exactly at 90 %', () => {
    const kpi = answerKpi({
      answered_calls: 10, within_10s: 9, within_10s_share: 0.9, within_15s: 9, within_15s_share: 0.9,
      goal_share: 0.9, p50_seconds: 3, p90_seconds: 10, classified_calls: 10,
    });
    expect(kpi.nfpa.meetsGoal).toBe(true);
  });
  it('says nothing about the goal without telephony calls (manual intake has no ringing time)', () => {
    const kpi = answerKpi({
      answered_calls: 0, within_10s: 0, within_10s_share: null, within_15s: 0, within_15s_share: null,
      goal_share: 0.9, p50_seconds: null, p90_seconds: null, classified_calls: 25,
    });
    expect(kpi).toMatchObject({ answered: 0, classified: 25, nfpa: { share: null, meetsGoal: null }, nena: { share: null, meetsGoal: null } });
  });
  it('treats a missing row as nothing measured', () => {
    expect(answerKpi(undefined)).toMatchObject({ answered: 0, classified: 0, goalShare: 0.9, p50: null });
  });
  it('refuses a value that is not a number', () => {
    expect(() => answerKpi({
      answered_calls: 'x', within_10s: 0, within_10s_share: null, within_15s: 0, within_15s_share: null,
      goal_share: 0.9, p50_seconds: null, p90_seconds: null, classified_calls: 0,
    })).toThrow(/not a number/);
  });
});
