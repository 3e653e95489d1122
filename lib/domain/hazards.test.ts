import { describe, expect, it } from 'vitest';
import raw from '../../data/cilegon-hazards.geo.json';
import { CITY_BOUNDS } from './city';
import { insideRing } from './hazard-proximity';
import { GROUP_OF_KIND, HAZARD_KINDS, hazardCollectionSchema, parseHazards } from './hazards';

const point = (lng: number, lat: number) => ({ type: 'Feature', properties: { name: 'Uji titik', label: 'Uji', kind: 'school', source: 'OpenStreetMap: uji', approximate: true }, geometry: { type: 'Point', coordinates: [lng, lat] } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('data/cilegon-hazards.geo.json', () => {
  const parsed = hazardCollectionSchema.safeParse(raw);

  it('passes the schema: every feature has a name, a known kind, a source and a valid geometry inside the city', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('names the public source of every feature and marks it approximate', () => {
    for (const f of parsed.data!.features) {
      expect(f.properties.source.length).toBeGreaterThan(5);
      expect(f.properties.approximate).toBe(true);
    }
  });

  it('has every kind the issue asks for, the vital places by name, and hazards on hazardous sites', () => {
    const hazards = parseHazards(raw);
    expect(new Set(hazards.map((h) => h.kind))).toEqual(new Set(HAZARD_KINDS));
    const names = hazards.map((h) => h.name).join('\n');
    for (const n of ['Krakatau Steel', 'Chandra Asri', 'Asahimas', 'Pelabuhan Merak', 'Pelabuhan Ciwandan', 'Pelabuhan Cigading', 'PLTU Suralaya', 'Cilegon Timur', 'Cilegon Barat', 'Gerbang Tol Merak', 'RSUD Kota Cilegon', 'RS Krakatau Medika']) {
      expect(names).toContain(n);
    }
    for (const h of hazards) {
      if (h.kind.startsWith('industrial_') || h.kind === 'tsunami_zone' || h.kind === 'flood_prone_kelurahan') expect(h.hazard, h.name).not.toBeNull();
      // Areas are areas and places are points: a hospital drawn as an outline would be misread.
      const area = ['industrial_chemical', 'industrial_explosion', 'industrial_fire', 'power_plant', 'flood_prone_kelurahan', 'tsunami_zone'].includes(h.kind);
      expect(h.shape.type, h.name).toBe(area ? 'area' : 'point');
    }
  });

  it('keeps every ring and point inside the city bounds of data/cilegon.json', () => {
    for (const h of parseHazards(raw)) {
      const pts = h.shape.type === 'point' ? [h.shape.at] : h.shape.ring;
      for (const p of pts) {
        expect(p.lat).toBeGreaterThanOrEqual(CITY_BOUNDS.south);
        expect(p.lat).toBeLessThanOrEqual(CITY_BOUNDS.north);
        expect(p.lng).toBeGreaterThanOrEqual(CITY_BOUNDS.west);
        expect(p.lng).toBeLessThanOrEqual(CITY_BOUNDS.east);
      }
    }
  });

  it('puts every kind in a toggle group', () => {
    for (const k of HAZARD_KINDS) expect(GROUP_OF_KIND[k]).toBeTruthy();
  });
});

describe('hazardCollectionSchema', () => {
  it('accepts a point inside the city', () => {
    expect(hazardCollectionSchema.safeParse(collection(point(106.0, -6.0))).success).toBe(true);
  });

  it('refuses a point outside the city, an unknown kind, a missing source and an open ring', () => {
    expect(hazardCollectionSchema.safeParse(collection(point(106.2, -6.0))).success).toBe(false);
    expect(hazardCollectionSchema.safeParse(collection({ ...point(106, -6), properties: { ...point(106, -6).properties, kind: 'volcano' } })).success).toBe(false);
    const { source: _source, ...noSource } = point(106, -6).properties;
    expect(hazardCollectionSchema.safeParse(collection({ ...point(106, -6), properties: noSource })).success).toBe(false);
    const open = {
      ...point(106, -6),
      geometry: { type: 'Polygon', coordinates: [[[106, -6], [106.01, -6], [106.01, -6.01], [106, -6.01]]] },
    };
    expect(hazardCollectionSchema.safeParse(collection(open)).success).toBe(false);
    const closed = { ...open, geometry: { type: 'Polygon', coordinates: [[...open.geometry.coordinates[0], [106, -6]]] } };
    expect(hazardCollectionSchema.safeParse(collection(closed)).success).toBe(true);
  });
});

describe('label anchors', () => {
  it('puts every area label inside its area', () => {
    for (const h of parseHazards(raw)) if (h.shape.type === 'area') expect(insideRing(h.anchor, h.shape.ring), h.name).toBe(true);
  });
});
