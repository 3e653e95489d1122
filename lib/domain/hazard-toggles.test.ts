import { describe, expect, it } from 'vitest';
import { ALL_GROUPS_ON, hazardTogglesKey, parseHazardToggles, serializeHazardToggles } from './hazard-toggles';

describe('hazard toggles', () => {
  it('starts with every group on', () => {
    expect(parseHazardToggles(null)).toEqual(ALL_GROUPS_ON);
    expect(Object.values(ALL_GROUPS_ON).every(Boolean)).toBe(true);
  });

  it('round-trips the hidden groups', () => {
    const off = { ...ALL_GROUPS_ON, health_education: false, flood: false };
    expect(serializeHazardToggles(off)).toBe('["health_education","flood"]');
    expect(parseHazardToggles(serializeHazardToggles(off))).toEqual(off);
  });

  it('ignores broken, foreign or oversized storage', () => {
    expect(parseHazardToggles('{nope')).toEqual(ALL_GROUPS_ON);
    expect(parseHazardToggles('{"industrial":false}')).toEqual(ALL_GROUPS_ON);
    expect(parseHazardToggles('["volcano", 3, "tsunami"]')).toEqual({ ...ALL_GROUPS_ON, tsunami: false });
    expect(parseHazardToggles(`[${'"x",'.repeat(300)}"tsunami"]`)).toEqual(ALL_GROUPS_ON);
  });

  it('keeps one key per user', () => {
    expect(hazardTogglesKey('u1')).not.toBe(hazardTogglesKey('u2'));
  });
});
