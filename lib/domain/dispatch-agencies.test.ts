import { describe, expect, it } from 'vitest';
import { Constants } from '../supabase/database.types';
import { agencyKindsFor, agencyMatch, type AgencyKind } from './dispatch-agencies';

const CATEGORIES = Constants.public.Enums.incident_category;

describe('agencyKindsFor', () => {
  it('follows the dispatch rules of the service', () => {
    expect(agencyKindsFor('fire')).toEqual({ primary: ['fire'], support: ['medical'] });
    expect(agencyKindsFor('medical')).toEqual({ primary: ['medical'], support: [] });
    expect(agencyKindsFor('traffic_accident').primary).toEqual(['police', 'medical']);
    expect(agencyKindsFor('crime').primary).toEqual(['police']);
    expect(agencyKindsFor('flood')).toEqual({ primary: ['disaster'], support: ['social'] });
    expect(agencyKindsFor('disaster')).toEqual({ primary: ['disaster'], support: ['social'] });
    expect(agencyKindsFor('rescue').primary).toEqual(['disaster']);
    expect(agencyKindsFor('public_order').primary).toEqual(['public_order']);
  });

  it('gives every category at least one primary kind and never lists a kind twice', () => {
    for (const c of CATEGORIES) {
      const { primary, support } = agencyKindsFor(c);
      expect(primary.length, c).toBeGreaterThan(0);
      const all = [...primary, ...support];
      expect(new Set(all).size, c).toBe(all.length);
    }
  });
});

describe('agencyMatch', () => {
  it('tells primary, support and unrelated kinds apart', () => {
    expect(agencyMatch('fire', 'fire')).toBe('primary');
    expect(agencyMatch('fire', 'medical')).toBe('support');
    expect(agencyMatch('fire', 'police' as AgencyKind)).toBeNull();
    expect(agencyMatch('traffic_accident', 'medical')).toBe('primary');
  });
});
