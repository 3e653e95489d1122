import { describe, expect, it } from 'vitest';
import { placeLine } from './incident-place';

describe('placeLine', () => {
  it('adds kelurahan and kecamatan the address does not name', () => {
    expect(placeLine('Jl. Mawar 1', 'Masigit', 'Jombang')).toBe('Jl. Mawar 1, Masigit, Jombang');
    expect(placeLine('Kel. Gedong Dalem, Kec. Jombang', 'Gedong Dalem', 'Jombang')).toBe('Kel. Gedong Dalem, Kec. Jombang');
    expect(placeLine('Pasar Kranggot, jombang', 'Sukmajaya', 'Jombang')).toBe('Pasar Kranggot, jombang, Sukmajaya');
  });

  it('is empty when nothing is known', () => {
    expect(placeLine(null, null, null)).toBe('');
    expect(placeLine('  ', null, 'Cibeber')).toBe('Cibeber');
  });
});
