import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../i18n/translate';
import { id } from '../i18n/dictionaries/id';
import { en } from '../i18n/dictionaries/en';
import type { Hazard } from './hazards';
import { describeProximity, distanceToRing, hazardsNear, insideRing, proximityTo, roundedMetres } from './hazard-proximity';
import { HAZARDS } from './hazard-catalog';
import { distanceMetres } from './geo';

// A 0.01° square (≈ 1.1 km) around (-6.0, 106.0).
const square = [
  { lat: -5.995, lng: 105.995 },
  { lat: -5.995, lng: 106.005 },
  { lat: -6.005, lng: 106.005 },
  { lat: -6.005, lng: 105.995 },
];
const chem: Hazard = { id: 'c', name: 'Uji kimia', label: 'Kimia', kind: 'industrial_chemical', hazard: 'chemical', source: 's', shape: { type: 'area', ring: square }, anchor: { lat: -6.0, lng: 106.0 } };
const tsunami: Hazard = { ...chem, id: 't', name: 'Uji tsunami', kind: 'tsunami_zone', hazard: 'tsunami' };
const school: Hazard = { id: 's', name: 'Uji sekolah', label: 'Sekolah', kind: 'school', hazard: null, source: 's', shape: { type: 'point', at: { lat: -6.0, lng: 106.01 } }, anchor: { lat: -6.0, lng: 106.01 } };
const school2: Hazard = { ...school, id: 's2', shape: { type: 'point', at: { lat: -6.0, lng: 106.012 } } };

describe('insideRing / distanceToRing', () => {
  it('tells inside from outside', () => {
    expect(insideRing({ lat: -6.0, lng: 106.0 }, square)).toBe(true);
    expect(insideRing({ lat: -6.0, lng: 106.006 }, square)).toBe(false);
    expect(insideRing({ lat: -5.99, lng: 106.0 }, square)).toBe(false);
  });

  it('measures to the nearest edge, not to a corner', () => {
    // 0.003° east of the east edge at the same latitude ≈ 331.6 m.
    const p = { lat: -6.0, lng: 106.008 };
    expect(distanceToRing(p, square)).toBeCloseTo(distanceMetres(p, { lat: -6.0, lng: 106.005 }), 0);
    // Beyond a corner the corner is nearest.
    const q = { lat: -5.992, lng: 106.008 };
    expect(distanceToRing(q, square)).toBeCloseTo(distanceMetres(q, { lat: -5.995, lng: 106.005 }), 0);
  });
});

describe('hazardsNear', () => {
  it('lists inside before near, only within the kind distance, one feature per kind', () => {
    const p = { lat: -6.0, lng: 106.008 }; // ≈ 330 m east of the square, ≈ 220 m from the school
    const near = hazardsNear(p, [chem, school, school2]);
    expect(near.map((n) => n.hazard.id)).toEqual(['s', 'c']);
    const schoolNear: Hazard = { ...school, id: 's3', shape: { type: 'point', at: { lat: -6.0, lng: 106.006 } } };
    const inside = hazardsNear({ lat: -6.0, lng: 106.004 }, [chem, tsunami, school, schoolNear]);
    expect(inside.slice(0, 2).every((n) => n.inside)).toBe(true);
    expect(inside.map((n) => n.hazard.kind)).toEqual(['industrial_chemical', 'tsunami_zone', 'school']);
  });

  it('drops what is beyond 1 km of an industrial site or 500 m of anything else', () => {
    expect(hazardsNear({ lat: -6.0, lng: 106.0135 }, [chem])).toHaveLength(1); // ≈ 940 m
    expect(hazardsNear({ lat: -6.0, lng: 106.0145 }, [chem])).toHaveLength(0); // ≈ 1050 m
    expect(hazardsNear({ lat: -6.0, lng: 106.009 }, [tsunami])).toHaveLength(1); // ≈ 440 m
    expect(hazardsNear({ lat: -6.0, lng: 106.0105 }, [tsunami])).toHaveLength(0); // ≈ 610 m
  });

  it('keeps at most the limit', () => {
    expect(hazardsNear({ lat: -6.0, lng: 106.004 }, [chem, tsunami, school], 2)).toHaveLength(2);
    expect(hazardsNear({ lat: -6.0, lng: 106.004 }, [chem, tsunami, school], 1).map((n) => n.hazard.id)).toEqual(['c']);
  });
});

describe('describeProximity', () => {
  const tId = makeTranslate(id);
  const tEn = makeTranslate(en);
  it('says inside or the rounded distance, in both languages', () => {
    expect(describeProximity(proximityTo({ lat: -6.0, lng: 106.0 }, tsunami), tId, 'id')).toBe('di dalam zona genangan tsunami');
    expect(describeProximity(proximityTo({ lat: -6.0, lng: 106.0 }, tsunami), tEn, 'en')).toBe('inside the tsunami inundation zone');
    const prox = proximityTo({ lat: -6.0, lng: 106.008 }, chem);
    expect(describeProximity(prox, tId, 'id')).toBe('350 m dari kawasan industri kimia');
    expect(describeProximity(prox, tEn, 'en')).toBe('350 m from the chemical industry zone');
  });

  it('rounds to 50 m and never says 0 m', () => {
    expect(roundedMetres(0)).toBe(50);
    expect(roundedMetres(324)).toBe(300);
    expect(roundedMetres(326)).toBe(350);
  });
});

describe('the shipped data', () => {
  it('puts a point on the Ciwandan coast inside the tsunami zone and near the chemical zone', () => {
    const near = hazardsNear({ lat: -6.036, lng: 105.962 }, HAZARDS, Infinity);
    expect(near.filter((n) => n.inside).map((n) => n.hazard.kind)).toEqual(expect.arrayContaining(['tsunami_zone', 'industrial_chemical']));
  });

  it('finds nothing industrial in Cibeber, far inland', () => {
    const near = hazardsNear({ lat: -6.045, lng: 106.08 }, HAZARDS, Infinity);
    expect(near.some((n) => n.hazard.kind.startsWith('industrial_') || n.hazard.kind === 'tsunami_zone')).toBe(false);
  });
});
