import { describe, expect, it } from 'vitest';
import { nuisanceMinimumDays, parseRetentionSettings } from './retention-input';

describe('parseRetentionSettings', () => {
  it('accepts the defaults and the bounds, trimming spaces', () => {
    expect(parseRetentionSettings({ incidentDays: ' 730 ', nuisanceDays: '90' })).toEqual({ ok: true, value: { incidentDays: 730, nuisanceDays: 90 } });
    expect(parseRetentionSettings({ incidentDays: '30', nuisanceDays: '7' })).toEqual({ ok: true, value: { incidentDays: 30, nuisanceDays: 7 } });
    expect(parseRetentionSettings({ incidentDays: '3650', nuisanceDays: '3650' }).ok).toBe(true);
  });

  it('names each field outside the bounds the database enforces', () => {
    expect(parseRetentionSettings({ incidentDays: '29', nuisanceDays: '90' })).toEqual({ ok: false, fields: ['incidentDays'] });
    expect(parseRetentionSettings({ incidentDays: '3651', nuisanceDays: '6' })).toEqual({ ok: false, fields: ['incidentDays', 'nuisanceDays'] });
  });

  it('refuses what is not a whole number of days', () => {
    for (const bad of ['', ' ', '90.5', '-90', '9e1', 'sembilan puluh', '0x5a', '12345']) {
      expect(parseRetentionSettings({ incidentDays: '730', nuisanceDays: bad })).toEqual({ ok: false, fields: ['nuisanceDays'] });
    }
  });
});

describe('nuisanceMinimumDays', () => {
  it('rounds the window plus the block up to whole days', () => {
    expect(nuisanceMinimumDays(24, 24)).toBe(2);
    expect(nuisanceMinimumDays(24, 25)).toBe(3);
    expect(nuisanceMinimumDays(720, 720)).toBe(60);
  });
});
