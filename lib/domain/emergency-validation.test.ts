import { describe, expect, it } from 'vitest';
import { emptyDraft, type EmergencyDraft } from './call-draft';
import { SERVICE_AREA } from './geo';
import { validateEmergency } from './emergency-validation';

const good: EmergencyDraft = {
  category: 'fire',
  priority: 'high',
  description: '  Rumah terbakar  ',
  address: ' Jl. Ahmad Yani 10 ',
  kecamatan: 'Jombang',
  kelurahan: 'Masigit',
  coordinates: '-6.005, 106.05',
};

const problemsOf = (patch: Partial<EmergencyDraft>) => {
  const result = validateEmergency({ ...good, ...patch });
  return result.ok ? null : result.problems;
};

describe('validateEmergency', () => {
  it('accepts a complete report and trims it', () => {
    expect(validateEmergency(good)).toEqual({
      ok: true,
      value: {
        category: 'fire',
        priority: 'high',
        description: 'Rumah terbakar',
        address: 'Jl. Ahmad Yani 10',
        kecamatan: 'Jombang',
        kelurahan: 'Masigit',
        lat: -6.005,
        lng: 106.05,
      },
    });
  });

  it('turns empty optional fields into null', () => {
    const result = validateEmergency({ ...good, address: ' ', kecamatan: '', kelurahan: '' });
    expect(result.ok && result.value).toMatchObject({ address: null, kecamatan: null, kelurahan: null });
  });

  it('names every missing or wrong field at once', () => {
    expect(validateEmergency(emptyDraft('k').emergency)).toEqual({
      ok: false,
      problems: { category: 'required', description: 'required', coordinates: 'required' },
    });
    expect(problemsOf({ description: ' ', kelurahan: 'Suralaya', coordinates: 'dekat pasar' })).toEqual({
      description: 'required',
      kelurahan: 'wrong_kecamatan',
      coordinates: 'invalid',
    });
  });

  it('requires a category', () => {
    expect(problemsOf({ category: '' })).toEqual({ category: 'required' });
  });

  it('requires a description of at most 2000 characters after trimming', () => {
    expect(problemsOf({ description: '   ' })).toEqual({ description: 'required' });
    expect(problemsOf({ description: 'x'.repeat(2000) })).toBeNull();
    expect(problemsOf({ description: ` ${'x'.repeat(2000)} ` })).toBeNull();
    expect(problemsOf({ description: 'x'.repeat(2001) })).toEqual({ description: 'too_long' });
  });

  it('allows an address of at most 300 characters', () => {
    expect(problemsOf({ address: 'a'.repeat(300) })).toBeNull();
    expect(problemsOf({ address: 'a'.repeat(301) })).toEqual({ address: 'too_long' });
  });

  it('allows a kelurahan of at most 80 characters, and only one of the chosen kecamatan', () => {
    expect(problemsOf({ kelurahan: 'Suralaya' })).toEqual({ kelurahan: 'wrong_kecamatan' });
    expect(problemsOf({ kecamatan: 'Pulomerak', kelurahan: 'Suralaya' })).toBeNull();
    expect(problemsOf({ kelurahan: 'k'.repeat(81) })).toEqual({ kelurahan: 'too_long' });
    // Without a kecamatan any kelurahan up to the length limit passes, as the database has it.
    expect(problemsOf({ kecamatan: '', kelurahan: 'k'.repeat(80) })).toBeNull();
  });

  it('requires coordinates that read as a point inside the service area, edges included', () => {
    expect(problemsOf({ coordinates: '  ' })).toEqual({ coordinates: 'required' });
    expect(problemsOf({ coordinates: 'dekat pasar' })).toEqual({ coordinates: 'invalid' });
    expect(problemsOf({ coordinates: '-6.2, 106.8' })).toEqual({ coordinates: 'out_of_area' });
    expect(problemsOf({ coordinates: `${SERVICE_AREA.south}, ${SERVICE_AREA.west}` })).toBeNull();
    expect(problemsOf({ coordinates: `${SERVICE_AREA.north}, ${SERVICE_AREA.east}` })).toBeNull();
    expect(problemsOf({ coordinates: `${SERVICE_AREA.south - 0.001}, 106.0` })).toEqual({ coordinates: 'out_of_area' });
    expect(problemsOf({ coordinates: `-6.0, ${SERVICE_AREA.east + 0.001}` })).toEqual({ coordinates: 'out_of_area' });
  });

  it('reads a point copied as lng, lat', () => {
    const result = validateEmergency({ ...good, coordinates: '106.05, -6.005' });
    expect(result.ok && result.value).toMatchObject({ lat: -6.005, lng: 106.05 });
  });

  it('refuses a category, priority or kecamatan the database does not know', () => {
    expect(problemsOf({ category: 'volcano' as EmergencyDraft['category'] })).toEqual({ category: 'required' });
    expect(validateEmergency({ ...good, priority: 'urgent' as EmergencyDraft['priority'] }).ok).toBe(false);
    expect(validateEmergency({ ...good, kecamatan: 'Serang' as EmergencyDraft['kecamatan'] }).ok).toBe(false);
  });
});
