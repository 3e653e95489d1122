import { describe, expect, it } from 'vitest';
import { parseNuisanceSettings } from './nuisance-settings-input';

describe('parseNuisanceSettings', () => {
  it('accepts the defaults and the bounds, trimming spaces', () => {
    expect(parseNuisanceSettings({ threshold: ' 3 ', windowHours: '24', blockHours: '24' })).toEqual({
      ok: true,
      value: { threshold: 3, windowHours: 24, blockHours: 24 },
    });
    expect(parseNuisanceSettings({ threshold: '2', windowHours: '1', blockHours: '720' })).toEqual({
      ok: true,
      value: { threshold: 2, windowHours: 1, blockHours: 720 },
    });
    expect(parseNuisanceSettings({ threshold: '50', windowHours: '720', blockHours: '1' }).ok).toBe(true);
  });

  it('names each field outside the bounds the database enforces', () => {
    expect(parseNuisanceSettings({ threshold: '1', windowHours: '24', blockHours: '24' })).toEqual({ ok: false, fields: ['threshold'] });
    expect(parseNuisanceSettings({ threshold: '51', windowHours: '0', blockHours: '721' })).toEqual({
      ok: false,
      fields: ['threshold', 'windowHours', 'blockHours'],
    });
  });

  it('refuses what is not a whole number', () => {
    for (const bad of ['', ' ', '2.5', '-3', '3e1', 'tiga', '0x10']) {
      expect(parseNuisanceSettings({ threshold: bad, windowHours: '24', blockHours: '24' })).toEqual({ ok: false, fields: ['threshold'] });
    }
  });
});
