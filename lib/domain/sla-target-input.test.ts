import { describe, expect, it } from 'vitest';
import { parseSlaTargetSeconds } from './sla-target-input';

describe('parseSlaTargetSeconds', () => {
  it('takes whole seconds from 1 to 86400, spaces around allowed', () => {
    expect(parseSlaTargetSeconds('45')).toEqual({ ok: true, value: 45 });
    expect(parseSlaTargetSeconds(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(parseSlaTargetSeconds('86400')).toEqual({ ok: true, value: 86400 });
  });
  it('refuses zero, too long, fractions, signs, units and empty input', () => {
    for (const bad of ['0', '86401', '99999', '12.5', '-5', '+5', '60s', '1e3', '', '   ', '١٢']) {
      expect(parseSlaTargetSeconds(bad), bad).toEqual({ ok: false });
    }
  });
});
