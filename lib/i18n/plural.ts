/**
 * Plural forms of messages with a count. Such a message has one key per plural category the
 * interface languages use, `<base>.one` and `<base>.other`, and Intl.PluralRules of the language
 * picks one: English says "1 agency" but "2 agencies", Bahasa Indonesia has a single form (its two
 * messages read the same). Writing "agency(ies)" by hand is what this replaces.
 */
import type { MessageKey } from './dictionaries/id';
import { LOCALES } from './format';
import type { Language } from './languages';

/** A message key base that has both a `.one` and an `.other` form. */
export type PluralMessage<K extends MessageKey = MessageKey> = K extends `${infer Base}.other`
  ? `${Base}.one` extends MessageKey
    ? Base
    : never
  : never;

const rules = new Map<Language, Intl.PluralRules>();

/** The key of the form `count` takes in `lang`, to pass to t() with `{ count }`. */
export function pluralKey(base: PluralMessage, count: number, lang: Language): `${PluralMessage}.${'one' | 'other'}` {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(LOCALES[lang]);
    rules.set(lang, r);
  }
  return r.select(count) === 'one' ? `${base}.one` : `${base}.other`;
}
