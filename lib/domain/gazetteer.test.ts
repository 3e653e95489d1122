import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KECAMATAN } from './city';
import { isInServiceArea } from './geo';
import { KELURAHAN } from './kelurahan';
import { centreOf, GAZETTEER, searchGazetteer } from './gazetteer';

describe('gazetteer', () => {
  it.each(GAZETTEER.map((p) => [p.name, p] as const))('%s lies in the service area and names its source', (_, place) => {
    expect(isInServiceArea(place), `${place.lat}, ${place.lng}`).toBe(true);
    expect(['city_data', 'approximate']).toContain(place.source);
    expect(KECAMATAN).toContain(place.kecamatan);
    if (place.kelurahan) expect(KELURAHAN[place.kecamatan]).toContain(place.kelurahan);
  });

  it('has every kecamatan and every kelurahan once, and the landmarks the center asked for', () => {
    expect(GAZETTEER.filter((p) => p.kind === 'kecamatan').map((p) => p.name)).toEqual([...KECAMATAN]);
    expect(GAZETTEER.filter((p) => p.kind === 'kelurahan')).toHaveLength(43);
    const names = GAZETTEER.map((p) => p.name);
    expect(new Set(names.map((n, i) => `${GAZETTEER[i].kind}:${n}`)).size).toBe(names.length);
    for (const wanted of ['Pelabuhan Merak', 'Gerbang Tol Cilegon Barat', 'Gerbang Tol Cilegon Timur', 'RSUD Kota Cilegon', 'PT Krakatau Steel', 'Pasar Kranggot', 'Alun-alun Cilegon']) {
      expect(names).toContain(wanted);
    }
    for (const kind of ['port', 'toll_gate', 'hospital', 'market', 'school', 'factory'] as const) {
      expect(GAZETTEER.some((p) => p.kind === kind), kind).toBe(true);
    }
  });

  it('takes the kecamatan centroids and Pelabuhan Merak from data/cilegon.json', () => {
    const city = JSON.parse(readFileSync(new URL('../../data/cilegon.json', import.meta.url), 'utf8')) as {
      kecamatan: { items: { name: string; approx_centroid: [number, number] }[] };
      agencies: { fixed_points: Record<string, [number, number]> };
    };
    for (const k of city.kecamatan.items) {
      expect(GAZETTEER.find((p) => p.kind === 'kecamatan' && p.name === k.name), k.name).toMatchObject({ lat: k.approx_centroid[0], lng: k.approx_centroid[1], source: 'city_data' });
    }
    const [lat, lng] = city.agencies.fixed_points['Pelabuhan Merak'];
    expect(GAZETTEER.find((p) => p.name === 'Pelabuhan Merak')).toMatchObject({ lat, lng, source: 'city_data' });
  });

  it('finds places by any word start, whatever the case and punctuation', () => {
    expect(searchGazetteer('alun alun')[0].name).toBe('Alun-alun Cilegon');
    expect(searchGazetteer('KRANGGOT')[0].name).toBe('Pasar Kranggot');
    expect(searchGazetteer('tol cilegon').map((p) => p.name)).toEqual(['Gerbang Tol Cilegon Barat', 'Gerbang Tol Cilegon Timur']);
    expect(searchGazetteer('krakatau steel')[0].name).toBe('PT Krakatau Steel');
    expect(searchGazetteer('rsud')[0].name).toBe('RSUD Kota Cilegon');
    expect(searchGazetteer('suralaya').map((p) => p.kind)).toEqual(['kelurahan', 'factory']);
  });

  it('ranks a name that starts with the query first', () => {
    expect(searchGazetteer('pelabuhan')[0].name).toMatch(/^Pelabuhan/);
    expect(searchGazetteer('merak')[0].kind).not.toBe('kecamatan');
  });

  it('finds nothing for an empty or unknown query and caps the list', () => {
    expect(searchGazetteer('   ')).toEqual([]);
    expect(searchGazetteer('atlantis')).toEqual([]);
    expect(searchGazetteer('a', 5).length).toBeLessThanOrEqual(5);
  });

  it('centres on a kecamatan or one of its kelurahan', () => {
    expect(centreOf('Jombang')).toEqual({ lat: -6.005, lng: 106.05 });
    expect(centreOf('Jombang', 'Masigit')).toEqual({ lat: -6.016, lng: 106.055 });
    expect(centreOf('Jombang', 'Suralaya')).toEqual({ lat: -6.005, lng: 106.05 });
  });
});
