import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KECAMATAN } from './city';
import { KELURAHAN, isKelurahanOf } from './kelurahan';

interface CityData {
  kecamatan: { items: Array<{ name: string; kelurahan: string[] }> };
}

function cityData(): CityData {
  const file = path.resolve(import.meta.dirname, '../../data/cilegon.json');
  return JSON.parse(readFileSync(file, 'utf8')) as CityData;
}

describe('KELURAHAN', () => {
  it('is the list of data/cilegon.json, 43 kelurahan in 8 kecamatan', () => {
    const fromData = Object.fromEntries(cityData().kecamatan.items.map((k) => [k.name, k.kelurahan]));
    expect(KELURAHAN).toEqual(fromData);
    expect(Object.keys(KELURAHAN).sort()).toEqual([...KECAMATAN].sort());
    expect(Object.values(KELURAHAN).flat()).toHaveLength(43);
  });

  it('tells a kelurahan of the kecamatan from one of another', () => {
    expect(isKelurahanOf('Jombang', 'Masigit')).toBe(true);
    expect(isKelurahanOf('Jombang', 'Suralaya')).toBe(false);
    expect(isKelurahanOf('Jombang', 'masigit')).toBe(false);
  });
});
