'use client';
/** Makes the language chosen on the server available to client components (see use-t.ts). */
import type { ReactNode } from 'react';
import type { Language } from './languages';
import { LanguageContext } from './language-context';

export function LanguageProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <LanguageContext value={lang}>{children}</LanguageContext>;
}
