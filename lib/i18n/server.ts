/** The current language (from the `lang` cookie) and a translate function, for server code. */
import 'server-only';
import { cookies } from 'next/headers';
import { DICTIONARIES, LANGUAGE_COOKIE, toLanguage, type Language } from './languages';
import { makeTranslate, type Translate } from './translate';

export async function getLanguage(): Promise<Language> {
  const cookieStore = await cookies();
  return toLanguage(cookieStore.get(LANGUAGE_COOKIE)?.value);
}

export async function getT(): Promise<{ lang: Language; t: Translate }> {
  const lang = await getLanguage();
  return { lang, t: makeTranslate(DICTIONARIES[lang]) };
}
