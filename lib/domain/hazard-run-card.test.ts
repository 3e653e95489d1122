import { describe, expect, it } from 'vitest';
import type { Hazard } from './hazards';
import { hazardAdditions, withHazardAdditions } from './hazard-run-card';
import { HAZARDS } from './hazard-catalog';
import type { RunCard } from './dispatch-agencies';

const square = [
  { lat: -5.995, lng: 105.995 },
  { lat: -5.995, lng: 106.005 },
  { lat: -6.005, lng: 106.005 },
  { lat: -6.005, lng: 105.995 },
];
const chem: Hazard = { id: 'c', name: 'Uji kimia', label: 'Kimia', kind: 'industrial_chemical', hazard: 'chemical', source: 's', shape: { type: 'area', ring: square }, anchor: { lat: -6.0, lng: 106.0 } };
const tsunami: Hazard = { ...chem, id: 't', kind: 'tsunami_zone', hazard: 'tsunami' };
const fireCard: RunCard = { category: 'fire', lead_kinds: ['fire'], support_kinds: ['medical'] };

describe('hazardAdditions', () => {
  it('adds the disaster agency to a fire 330 m from a chemical zone, with that reason', () => {
    const adds = hazardAdditions({ lat: -6.0, lng: 106.008 }, 'fire', [chem]);
    expect(adds.map((a) => a.kind)).toEqual(['disaster', 'fire']);
    expect(adds[0].because.hazard.id).toBe('c');
    expect(Math.round(adds[0].because.distanceMetres)).toBe(332);
  });

  it('adds nothing for a medical call there, nor for a fire beyond 1 km', () => {
    expect(hazardAdditions({ lat: -6.0, lng: 106.008 }, 'medical', [chem])).toEqual([]);
    expect(hazardAdditions({ lat: -6.0, lng: 106.015 }, 'fire', [chem])).toEqual([]);
  });

  it('gives the tsunami zone to disaster and flood reports only', () => {
    expect(hazardAdditions({ lat: -6.0, lng: 106.0 }, 'disaster', [tsunami]).map((a) => a.kind)).toEqual(['disaster']);
    expect(hazardAdditions({ lat: -6.0, lng: 106.0 }, 'fire', [tsunami])).toEqual([]);
  });

  it('keeps the strongest reason per kind: inside before near', () => {
    const farChem: Hazard = { ...chem, id: 'far', shape: { type: 'area', ring: square.map((p) => ({ ...p, lng: p.lng + 0.011 })) } };
    const adds = hazardAdditions({ lat: -6.0, lng: 106.0 }, 'fire', [farChem, chem]);
    expect(adds[0].because.hazard.id).toBe('c');
    expect(adds[0].because.inside).toBe(true);
  });

  it('proposes BPBD for a fire at the shipped Chandra Asri / Asahimas zone', () => {
    expect(hazardAdditions({ lat: -6.036, lng: 105.97 }, 'fire', HAZARDS).map((a) => a.kind)).toContain('disaster');
  });
});

describe('withHazardAdditions', () => {
  it('appends new kinds as support and drops kinds the card already names', () => {
    const adds = hazardAdditions({ lat: -6.0, lng: 106.008 }, 'fire', [chem]);
    const { card, added } = withHazardAdditions(fireCard, 'fire', adds);
    expect(added.map((a) => a.kind)).toEqual(['disaster']);
    expect(card).toEqual({ category: 'fire', lead_kinds: ['fire'], support_kinds: ['medical', 'disaster'] });
  });

  it('makes a card when the category has none, and returns the card unchanged when nothing is added', () => {
    const adds = hazardAdditions({ lat: -6.0, lng: 106.008 }, 'other', [chem]);
    expect(withHazardAdditions(undefined, 'other', adds).card).toEqual({ category: 'other', lead_kinds: [], support_kinds: ['disaster', 'fire'] });
    expect(withHazardAdditions(fireCard, 'fire', []).card).toBe(fireCard);
  });
});
