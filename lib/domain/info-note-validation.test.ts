import { describe, expect, it } from 'vitest';
import { validateInfoNote } from './info-note-validation';

describe('validateInfoNote', () => {
  it('requires an answer note and trims it', () => {
    expect(validateInfoNote('  ')).toEqual({ ok: false, problem: 'required' });
    expect(validateInfoNote('')).toEqual({ ok: false, problem: 'required' });
    expect(validateInfoNote(' Jam buka RSUD ')).toEqual({ ok: true, value: 'Jam buka RSUD' });
  });

  it('accepts 2000 characters and refuses 2001', () => {
    expect(validateInfoNote('x'.repeat(2000))).toEqual({ ok: true, value: 'x'.repeat(2000) });
    expect(validateInfoNote(`  ${'x'.repeat(2000)}  `).ok).toBe(true);
    expect(validateInfoNote('x'.repeat(2001))).toEqual({ ok: false, problem: 'too_long' });
  });
});
