import { describe, expect, it } from 'vitest';
import { chooseAgencies, type RunCardAgency, type RunCardPost } from './run-card';
import type { RunCard } from '../domain/dispatch-agencies';

const card = (lead: RunCard['lead_kinds'], support: RunCard['support_kinds'] = []): RunCard => ({
  category: 'other',
  lead_kinds: lead,
  support_kinds: support,
});

const agencies: RunCardAgency[] = [
  { id: 'fire', kind: 'fire', active: true },
  { id: 'psc', kind: 'medical', active: true },
  { id: 'rsud', kind: 'medical', active: true },
  { id: 'police', kind: 'police', active: true },
  { id: 'old', kind: 'police', active: false },
];
const posts: RunCardPost[] = [
  { agency_id: 'psc', name: 'Puskesmas Utara', lat: -5.93, lng: 106.01 },
  { agency_id: 'rsud', name: 'RSUD', lat: -6.005, lng: 106.05 },
  { agency_id: 'fire', name: 'Pos Citangkil', lat: -6.03, lng: 106.01 },
  { agency_id: 'old', name: 'Pos lama', lat: -6.0, lng: 106.05 },
];
const all = new Set(agencies.map((a) => a.id));

describe('chooseAgencies', () => {
  it('takes each lead kind, then each supporting kind of the run card, the agency with the nearest post', () => {
    expect(chooseAgencies(card(['police'], ['medical']), { lat: -5.931, lng: 106.011 }, agencies, posts, all)).toEqual({ agencyIds: ['police', 'psc'], missingKinds: [] });
    expect(chooseAgencies(card(['medical']), { lat: -6.006, lng: 106.049 }, agencies, posts, all).agencyIds).toEqual(['rsud']);
    expect(chooseAgencies(undefined, { lat: -6.0, lng: 106.05 }, agencies, posts, all)).toEqual({ agencyIds: [], missingKinds: [] });
  });

  it('skips inactive agencies and agencies without a simulated liaison, and says which kinds were missing', () => {
    expect(chooseAgencies(card(['police']), { lat: -6.0, lng: 106.05 }, agencies, posts, all).agencyIds).toEqual(['police']);
    expect(chooseAgencies(card(['fire'], ['medical']), { lat: -6.0, lng: 106.05 }, agencies, posts, new Set(['psc']))).toEqual({ agencyIds: ['psc'], missingKinds: ['fire'] });
    expect(chooseAgencies(card(['disaster']), { lat: -6.0, lng: 106.05 }, agencies, posts, all)).toEqual({ agencyIds: [], missingKinds: ['disaster'] });
  });
});
