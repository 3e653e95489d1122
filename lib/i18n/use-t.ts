'use client';
/** Client-component counterpart of getT(): the current language and its translate function. */
import { useContext, useMemo } from 'react';
import { DICTIONARIES, type Language } from './languages';
import { LanguageContext } from './language-context';
import { makeTranslate, type Translate } from './translate';

export function useT(): { lang: Language; t: Translate } {
  const lang = useContext(LanguageContext);
  return useMemo(() => ({ lang, t: makeTranslate(DICTIONARIES[lang]) }), [lang]);
}
