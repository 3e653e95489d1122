import { describe, expect, it } from 'vitest';
import { EMPTY_FEEDBACK_DRAFT, isDispatchFeedback, missingCandidates, readFeedback } from './dispatch-feedback';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('readFeedback', () => {
  it('sends nothing when the questions were left alone', () => {
    expect(readFeedback(EMPTY_FEEDBACK_DRAFT, [A])).toEqual({ ok: true, feedback: null });
  });
  it('sends "needed, none missing"', () => {
    expect(readFeedback({ needed: 'yes', missing: 'none', chosen: [A] }, [A])).toEqual({ ok: true, feedback: { needed: true, missingAgencyIds: [] } });
  });
  it('sends "not needed" with the agencies chosen, once each, only those offered', () => {
    expect(readFeedback({ needed: 'no', missing: 'some', chosen: [B, A, B, C] }, [A, B])).toEqual({ ok: true, feedback: { needed: false, missingAgencyIds: [B, A] } });
  });
  it('refuses "another agency" without naming one', () => {
    expect(readFeedback({ needed: 'yes', missing: 'some', chosen: [] }, [A])).toEqual({ ok: false, problem: 'missing_required' });
    expect(readFeedback({ needed: 'yes', missing: 'some', chosen: [C] }, [A])).toEqual({ ok: false, problem: 'missing_required' });
  });
  it('refuses agencies named without saying whether the own one was needed', () => {
    expect(readFeedback({ needed: null, missing: 'some', chosen: [A] }, [A])).toEqual({ ok: false, problem: 'needed_required' });
  });
});

describe('isDispatchFeedback', () => {
  it('accepts what readFeedback makes and refuses anything else', () => {
    expect(isDispatchFeedback({ needed: true, missingAgencyIds: [A] })).toBe(true);
    expect(isDispatchFeedback({ needed: 'yes', missingAgencyIds: [] })).toBe(false);
    expect(isDispatchFeedback({ needed: true, missingAgencyIds: ['x'] })).toBe(false);
    expect(isDispatchFeedback({ needed: true, missingAgencyIds: Array(21).fill(A) })).toBe(false);
    expect(isDispatchFeedback(null)).toBe(false);
  });
});

describe('missingCandidates', () => {
  it('offers every other agency not already sent', () => {
    expect(missingCandidates([{ id: A }, { id: B }, { id: C }], A, [B])).toEqual([{ id: C }]);
  });
});
