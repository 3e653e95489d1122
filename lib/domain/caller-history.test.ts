import { describe, expect, it } from 'vitest';
import { summariseCallerHistory } from './caller-history';

describe('summariseCallerHistory', () => {
  it('counts per type and flags repeat nuisance numbers', () => {
    expect(summariseCallerHistory([])).toMatchObject({ total: 0, nuisance: false });
    const h = summariseCallerHistory([
      { call_type: 'prank', calls: 1 },
      { call_type: 'ghost', calls: 1 },
      { call_type: 'emergency', calls: 2 },
    ]);
    expect(h).toEqual({ total: 4, prank: 1, ghost: 1, info: 0, emergency: 2, nuisance: true });
    expect(summariseCallerHistory([{ call_type: 'prank', calls: 1 }]).nuisance).toBe(false);
  });
});
