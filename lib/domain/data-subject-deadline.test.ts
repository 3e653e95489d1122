import { describe, expect, it } from 'vitest';
import { answerDeadline, isOverdue } from './data-subject-deadline';

describe('answerDeadline', () => {
  it('gives an access request 3 × 24 hours from the start of its received day (WIB)', () => {
    expect(answerDeadline('access', '2026-12-01')).toEqual({ lastDay: '2026-12-03', endsAt: '2026-12-03T16:59:59.000Z' });
    expect(answerDeadline('access', '2026-12-30')).toEqual({ lastDay: '2027-01-01', endsAt: '2027-01-01T16:59:59.000Z' });
    expect(answerDeadline('access', '2028-02-28')?.lastDay).toBe('2028-03-01');
  });

  it('names no deadline for the kinds the screen does not claim a period for, nor for no day', () => {
    for (const kind of ['correction', 'erasure', 'objection'] as const) expect(answerDeadline(kind, '2026-12-01')).toBeNull();
    expect(answerDeadline('access', '2026-02-30')).toBeNull();
    expect(answerDeadline('access', '')).toBeNull();
  });
});

describe('isOverdue', () => {
  const deadline = answerDeadline('access', '2026-12-01');
  it('is overdue only after the last second of the period and only while unanswered', () => {
    expect(isOverdue(deadline, null, Date.parse('2026-12-03T23:59:59+07:00'))).toBe(false);
    expect(isOverdue(deadline, null, Date.parse('2026-12-04T00:00:00+07:00'))).toBe(true);
    expect(isOverdue(deadline, '2026-12-05T01:00:00Z', Date.parse('2026-12-06T00:00:00+07:00'))).toBe(false);
    expect(isOverdue(null, null, Date.parse('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
