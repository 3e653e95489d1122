import { describe, expect, it } from 'vitest';
import { checkAgency, checkPost, sameKinds } from './admin-config-validation';

const agency = { code: ' dpkp2 ', name: ' Damkar Dua ', kind: 'fire', phone: '', color: '#ABCDEF' } as const;
const post = { agency_id: '3f1c2b9e-2d4a-4c1b-9a7e-0d1e2f3a4b5c', name: 'Pos Baru', kind: 'fire_station', address: '', location: { lat: -6.0, lng: 106.0 } } as const;

describe('checkAgency', () => {
  it('gives the values the database stores', () => {
    expect(checkAgency(agency)).toEqual({ ok: true, value: { code: 'DPKP2', name: 'Damkar Dua', kind: 'fire', phone: null, color: '#abcdef' } });
  });

  it('names every bad field with the refusal code the database would give', () => {
    const result = checkAgency({ code: 'a b', name: '  ', kind: 'fire', phone: 'satu', color: 'red' });
    expect(result).toEqual({
      ok: false,
      problems: { code: 'invalid_code', name: 'name_required', phone: 'invalid_phone', color: 'invalid_color' },
    });
  });

  it('refuses a kind that is not an agency kind', () => {
    expect(checkAgency({ ...agency, kind: 'navy' as 'fire' })).toMatchObject({ ok: false, problems: { kind: 'invalid_state' } });
  });
});

describe('checkPost', () => {
  it('accepts a post inside the service area', () => {
    expect(checkPost(post)).toMatchObject({ ok: true, value: { name: 'Pos Baru', address: null } });
  });

  it('refuses a post outside the service area or without agency', () => {
    expect(checkPost({ ...post, location: { lat: -6.0, lng: 105.8 } })).toMatchObject({ ok: false, problems: { location: 'location_out_of_area' } });
    expect(checkPost({ ...post, agency_id: '' })).toMatchObject({ ok: false, problems: { agency_id: 'agency_not_found' } });
  });
});

describe('sameKinds', () => {
  it('compares kinds as sets', () => {
    expect(sameKinds(['fire', 'medical'], ['medical', 'fire', 'fire'])).toBe(true);
    expect(sameKinds(['fire'], ['fire', 'medical'])).toBe(false);
  });
});
