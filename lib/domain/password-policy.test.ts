import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long, unrelated password', () => {
    expect(passwordProblems('Merak-Pulau-Tiga-9', 'budi@112.cilegon.test')).toEqual([]);
  });
  it('refuses short and over-long passwords', () => {
    expect(passwordProblems('Ab1-xyz', 'budi@x.test')).toEqual(['too_short']);
    expect(passwordProblems('é'.repeat(40), 'budi@x.test')).toEqual(['too_long']);
  });
  it('counts characters, not bytes, for the minimum', () => {
    expect(passwordProblems('ééééééé', 'budi@x.test')).toEqual(['too_short']);
  });
  it('refuses the email address and its name part, in any case', () => {
    expect(passwordProblems('Budi.Santoso@112.cilegon.test', 'budi.santoso@112.cilegon.test')).toEqual(['is_email']);
    expect(passwordProblems('BudiSantoso', 'budi.santoso@112.cilegon.test')).toEqual(['is_email']);
    expect(passwordProblems('budi.santoso-x', 'budi.santoso@112.cilegon.test')).toEqual([]);
  });
  it('refuses common passwords whatever their punctuation or case', () => {
    expect(passwordProblems('Password123', 'a@x.test')).toEqual(['common']);
    expect(passwordProblems('Cilegon-112', 'a@x.test')).toEqual(['common']);
    expect(passwordProblems('1234567', 'a@x.test')).toEqual(['too_short']);
  });
});
