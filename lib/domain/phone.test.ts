import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it('accepts phone numbers the database accepts, trimmed; empty is unknown', () => {
    expect(normalisePhone('')).toEqual({ ok: true, value: null });
    expect(normalisePhone('   ')).toEqual({ ok: true, value: null });
    expect(normalisePhone(' +62 812-3456-7890 ')).toEqual({ ok: true, value: '+62 812-3456-7890' });
    expect(normalisePhone('0254 (391) 112')).toEqual({ ok: true, value: '0254 (391) 112' });
    expect(normalisePhone('12')).toEqual({ ok: true, value: '12' });
    expect(normalisePhone('1'.repeat(32))).toEqual({ ok: true, value: '1'.repeat(32) });
  });

  it('refuses what the calls.caller_phone check refuses', () => {
    expect(normalisePhone('0812abc')).toEqual({ ok: false });
    expect(normalisePhone('1')).toEqual({ ok: false });
    expect(normalisePhone('1'.repeat(33))).toEqual({ ok: false });
    expect(normalisePhone('++62 812')).toEqual({ ok: false });
    expect(normalisePhone('-0812')).toEqual({ ok: false });
    expect(normalisePhone('(0254) 391-112')).toEqual({ ok: false });
  });
});
