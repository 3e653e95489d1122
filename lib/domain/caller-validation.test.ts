import { describe, expect, it } from 'vitest';
import { validateCaller } from './caller-validation';

describe('validateCaller', () => {
  it('trims both fields and sends blank ones as none', () => {
    expect(validateCaller({ callerPhone: ' 0812 3456 7890 ', callerName: '  Ani ' })).toEqual({
      ok: true,
      value: { callerPhone: '0812 3456 7890', callerName: 'Ani' },
    });
    expect(validateCaller({ callerPhone: '', callerName: '  ' })).toEqual({ ok: true, value: { callerPhone: null, callerName: null } });
  });

  it('refuses a number the database would refuse', () => {
    expect(validateCaller({ callerPhone: '0812abc', callerName: 'Ani' })).toEqual({ ok: false, problem: 'phone' });
  });

  it('accepts a name of 120 characters and refuses 121', () => {
    expect(validateCaller({ callerPhone: '', callerName: 'a'.repeat(120) }).ok).toBe(true);
    expect(validateCaller({ callerPhone: '', callerName: ` ${'a'.repeat(120)} ` }).ok).toBe(true);
    expect(validateCaller({ callerPhone: '', callerName: 'a'.repeat(121) })).toEqual({ ok: false, problem: 'caller_name' });
  });
});
