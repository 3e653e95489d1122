import { describe, expect, it } from 'vitest';
import type { RunCard } from './dispatch-agencies';
import { calledAgencyIds, rankPostsForIncident, type RankableAgency, type RankablePost } from './post-ranking';

const agencies = new Map<string, RankableAgency & { code: string }>(
  [
    { id: 'dpkp', code: 'DPKP', kind: 'fire', active: true },
    { id: 'psc', code: 'PSC119', kind: 'medical', active: true },
    { id: 'rsud', code: 'RSUD', kind: 'medical', active: true },
    { id: 'polres', code: 'POLRES', kind: 'police', active: true },
    { id: 'old', code: 'OLD', kind: 'fire', active: false },
  ].map((a) => [a.id, a as RankableAgency & { code: string }]),
);

const incident = { lat: -6.0, lng: 106.0 };
/** A post `km` kilometres north of the incident (0.009° of latitude ≈ 1 km). */
const post = (id: string, agency_id: string, km: number, active = true): RankablePost => ({
  id,
  name: id,
  agency_id,
  active,
  lat: -6.0 + km * 0.009,
  lng: 106.0,
});

// Today's seed in miniature: five puskesmas nearer than the only fire station.
const posts = [
  post('psc1', 'psc', 0.5),
  post('psc2', 'psc', 0.8),
  post('psc3', 'psc', 1.1),
  post('rsud1', 'rsud', 1.3),
  post('psc4', 'psc', 1.6),
  post('polres1', 'polres', 1.8),
  post('dpkp1', 'dpkp', 2.5),
  post('dpkp2', 'dpkp', 6),
  post('old1', 'old', 0.1),
  post('closed', 'dpkp', 0.2, false),
];

const fire: RunCard = { category: 'fire', lead_kinds: ['fire'], support_kinds: ['medical'] };

describe('rankPostsForIncident', () => {
  it('puts the lead agency nearest post first, then the support, then the rest of each group', () => {
    const ranked = rankPostsForIncident(incident, posts, agencies, fire);
    expect(ranked.map((r) => r.post.id)).toEqual(['dpkp1', 'psc1', 'dpkp2', 'psc2', 'psc3', 'rsud1', 'psc4', 'polres1']);
    expect(ranked.filter((r) => r.recommended).map((r) => r.post.id)).toEqual(['dpkp1', 'psc1']);
    expect(ranked.map((r) => r.role)).toEqual(['lead', 'support', 'lead', 'support', 'support', 'support', 'support', null]);
  });

  it('recommends one post per kind the card names (the nearest agency of that kind)', () => {
    const traffic: RunCard = { category: 'traffic_accident', lead_kinds: ['police', 'medical'], support_kinds: ['fire'] };
    const ranked = rankPostsForIncident(incident, posts, agencies, traffic);
    expect(ranked.filter((r) => r.recommended).map((r) => r.post.id)).toEqual(['psc1', 'polres1', 'dpkp1']);
    expect(ranked.slice(0, 3).map((r) => r.agency.code)).toEqual(['PSC119', 'POLRES', 'DPKP']);
    // RSUD is a medical agency too, but PSC 119 is nearer: it is listed, not recommended.
    expect(ranked.find((r) => r.post.id === 'rsud1')).toMatchObject({ role: 'lead', recommended: false });
  });

  it('follows a changed card: the same posts rank differently', () => {
    const medicalLead: RunCard = { category: 'fire', lead_kinds: ['medical'], support_kinds: ['fire'] };
    expect(rankPostsForIncident(incident, posts, agencies, medicalLead)[0].post.id).toBe('psc1');
    expect(rankPostsForIncident(incident, posts, agencies, fire)[0].post.id).toBe('dpkp1');
  });

  it('never offers inactive posts or posts of inactive agencies', () => {
    const ids = rankPostsForIncident(incident, posts, agencies, fire).map((r) => r.post.id);
    expect(ids).not.toContain('old1');
    expect(ids).not.toContain('closed');
  });

  it('ranks by distance alone without a run card, recommending nothing', () => {
    const ranked = rankPostsForIncident(incident, posts, agencies, undefined);
    expect(ranked.map((r) => r.post.id)).toEqual(['psc1', 'psc2', 'psc3', 'rsud1', 'psc4', 'polres1', 'dpkp1', 'dpkp2']);
    expect(ranked.some((r) => r.recommended || r.role)).toBe(false);
  });

  it('keeps distance order inside each group', () => {
    const ranked = rankPostsForIncident(incident, posts, agencies, fire);
    const support = ranked.filter((r) => r.role === 'support' && !r.recommended).map((r) => r.distanceMetres);
    expect([...support].sort((a, b) => a - b)).toEqual(support);
  });
});

describe('calledAgencyIds', () => {
  it('names the active agencies of the kinds the card calls for', () => {
    expect([...calledAgencyIds(agencies.values(), fire)].sort()).toEqual(['dpkp', 'psc', 'rsud']);
    expect(calledAgencyIds(agencies.values(), undefined).size).toBe(0);
  });
});
