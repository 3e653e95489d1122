import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { makeTranslate } from '../translate';

describe('dictionaries', () => {
  it('have the same keys in both languages and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const dictionary of [id, en]) {
      for (const [key, message] of Object.entries(dictionary)) expect(message.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as Array<keyof typeof id>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });
});

describe('makeTranslate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = makeTranslate(id);
    expect(t('login.error.invalid')).toBe('Email atau kata sandi salah.');
    expect(t('header.signedInAs', { name: 'Siti' })).toBe('Masuk sebagai Siti');
    expect(t('header.signedInAs', {})).toBe('Masuk sebagai {name}');
  });
});
