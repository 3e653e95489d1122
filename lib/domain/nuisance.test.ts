import { describe, expect, it } from 'vitest';
import { blockSecondsLeft, blockState, callbackNote, CALLBACK_OUTCOMES, closesCallback, NUISANCE_TEXT_MAX } from './nuisance';

const T = Date.parse('2026-12-03T04:00:00Z');

describe('blockState', () => {
  it('an approved block is active until its expiry, then expired even before the database marks it', () => {
    const block = { status: 'approved' as const, expires_at: '2026-12-03T04:00:01Z' };
    expect(blockState(block, T)).toBe('active');
    expect(blockState(block, T + 1000)).toBe('expired');
    expect(blockState(block, T + 2000)).toBe('expired');
  });

  it('keeps the other statuses as they are', () => {
    expect(blockState({ status: 'proposed', expires_at: null }, T)).toBe('proposed');
    expect(blockState({ status: 'rejected', expires_at: null }, T)).toBe('rejected');
    expect(blockState({ status: 'lifted', expires_at: '2026-12-03T03:00:00Z' }, T)).toBe('lifted');
    expect(blockState({ status: 'expired', expires_at: '2026-12-03T03:00:00Z' }, T)).toBe('expired');
  });

  it('an approved row without an expiry is not in force', () => {
    expect(blockState({ status: 'approved', expires_at: null }, T)).toBe('expired');
  });
});

describe('blockSecondsLeft', () => {
  it('counts down to the expiry, rounding up, and stops at zero', () => {
    const block = { status: 'approved' as const, expires_at: '2026-12-03T05:00:00Z' };
    expect(blockSecondsLeft(block, T)).toBe(3600);
    expect(blockSecondsLeft(block, T + 500)).toBe(3600);
    expect(blockSecondsLeft(block, T + 3_600_000)).toBe(0);
    expect(blockSecondsLeft({ status: 'lifted', expires_at: '2026-12-03T05:00:00Z' }, T)).toBe(0);
  });
});

describe('call-back outcomes', () => {
  it('no answer and busy keep the call-back open; the others close it', () => {
    expect(CALLBACK_OUTCOMES.filter((o) => !closesCallback(o))).toEqual(['no_answer', 'busy']);
    expect(CALLBACK_OUTCOMES.filter(closesCallback)).toEqual(['reached_ok', 'reached_emergency', 'wrong_number']);
  });

  it('a note is trimmed, empty is none, too long is refused', () => {
    expect(callbackNote('  Sudah aman ')).toEqual({ ok: true, value: 'Sudah aman' });
    expect(callbackNote('   ')).toEqual({ ok: true, value: null });
    expect(callbackNote('x'.repeat(NUISANCE_TEXT_MAX))).toEqual({ ok: true, value: 'x'.repeat(NUISANCE_TEXT_MAX) });
    expect(callbackNote('x'.repeat(NUISANCE_TEXT_MAX + 1))).toEqual({ ok: false });
  });
});
