/**
 * The languages of the interface, the cookie that remembers the choice, and the dictionary per
 * language. Bahasa Indonesia is the default: the service is run by and for Cilegon's staff.
 */
import { en } from './dictionaries/en';
import { id, type Dictionary } from './dictionaries/id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_COOKIE = 'lang';

export const DICTIONARIES: Record<Language, Dictionary> = { id, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
