import { describe, expect, it } from 'vitest';
import { letterheadDraft, parseLetterhead, type LetterheadDraft } from './letterhead-input';

const VALID: LetterheadDraft = {
  governmentName: ' Pemerintah Kota Cilegon ',
  agencyName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
  addressLine: 'Jl. Jenderal Sudirman No. 2, Kota Cilegon',
  phone: '(0254) 000000',
  email: 'diskominfo@cilegon.go.id',
  website: 'diskominfo.cilegon.go.id',
  city: 'Cilegon',
  signatoryTitle: 'Kepala Dinas',
  signatoryName: 'Budi Santoso, S.Kom.',
  signatoryNip: '197001012000031001',
};

const problemsOf = (patch: Partial<LetterheadDraft>) => {
  const r = parseLetterhead({ ...VALID, ...patch });
  return r.ok ? {} : r.problems;
};

describe('parseLetterhead', () => {
  it('trims a valid letterhead and keeps every line', () => {
    const r = parseLetterhead(VALID);
    expect(r.ok && r.value.governmentName).toBe('Pemerintah Kota Cilegon');
    expect(r.ok && r.value.signatoryNip).toBe('197001012000031001');
  });
  it('turns blank optional lines into none', () => {
    const r = parseLetterhead({ ...VALID, phone: '  ', email: '', website: '', signatoryName: ' ', signatoryNip: '' });
    expect(r.ok && [r.value.phone, r.value.email, r.value.website, r.value.signatoryName, r.value.signatoryNip]).toEqual([null, null, null, null, null]);
  });
  it('refuses a NIP that is not 18 digits 0–9, as invalid_nip', () => {
    for (const nip of ['19700101200003100', '1970010120000310011', '19700101 200003 1 001', '19700101200003100x', '١٩٧٠٠١٠١٢٠٠٠٠٣١٠٠١']) {
      expect(problemsOf({ signatoryNip: nip })).toEqual({ signatoryNip: 'invalid_nip' });
    }
  });
  it('refuses lines over their bounds, blank required lines and line breaks', () => {
    expect(problemsOf({ governmentName: 'x'.repeat(121) })).toEqual({ governmentName: 'invalid_letterhead' });
    expect(problemsOf({ governmentName: 'x'.repeat(120) })).toEqual({});
    expect(problemsOf({ agencyName: 'x'.repeat(161) })).toEqual({ agencyName: 'invalid_letterhead' });
    expect(problemsOf({ addressLine: 'x'.repeat(201) })).toEqual({ addressLine: 'invalid_letterhead' });
    expect(problemsOf({ phone: '1'.repeat(61) })).toEqual({ phone: 'invalid_letterhead' });
    expect(problemsOf({ city: '  ' })).toEqual({ city: 'invalid_letterhead' });
    expect(problemsOf({ signatoryTitle: 'Kepala\nDinas' })).toEqual({ signatoryTitle: 'invalid_letterhead' });
    expect(problemsOf({ signatoryName: 'x'.repeat(121) })).toEqual({ signatoryName: 'invalid_letterhead' });
  });
  it('refuses an email without an address and a website with blanks', () => {
    expect(problemsOf({ email: 'diskominfo' })).toEqual({ email: 'invalid_letterhead' });
    expect(problemsOf({ website: 'cilegon go id' })).toEqual({ website: 'invalid_letterhead' });
  });
  it('names every field at fault at once', () => {
    expect(Object.keys(problemsOf({ city: '', signatoryNip: '1' })).sort()).toEqual(['city', 'signatoryNip']);
  });
});

describe('letterheadDraft', () => {
  it('starts the form from the stored letterhead, none as empty', () => {
    const draft = letterheadDraft({ ...VALID, phone: null, signatoryNip: null });
    expect(draft.phone).toBe('');
    expect(draft.signatoryNip).toBe('');
    expect(draft.city).toBe('Cilegon');
  });
});
