import { describe, expect, it } from 'vitest';
import { agencyRole, runCardFor, type RunCard } from './dispatch-agencies';

const CARDS: RunCard[] = [
  { category: 'fire', lead_kinds: ['fire'], support_kinds: ['medical'] },
  { category: 'traffic_accident', lead_kinds: ['police', 'medical'], support_kinds: ['transport'] },
];

describe('runCardFor', () => {
  it('finds the card of a category, or none', () => {
    expect(runCardFor(CARDS, 'fire')?.lead_kinds).toEqual(['fire']);
    expect(runCardFor(CARDS, 'flood')).toBeUndefined();
  });
});

describe('agencyRole', () => {
  it('tells lead, support and unrelated kinds apart', () => {
    const fire = runCardFor(CARDS, 'fire');
    expect(agencyRole(fire, 'fire')).toBe('lead');
    expect(agencyRole(fire, 'medical')).toBe('support');
    expect(agencyRole(fire, 'police')).toBeNull();
    expect(agencyRole(runCardFor(CARDS, 'traffic_accident'), 'medical')).toBe('lead');
  });

  it('calls for nothing without a card', () => {
    expect(agencyRole(undefined, 'fire')).toBeNull();
  });
});
