'use server';
/**
 * Server action behind the language switcher. Setting a cookie in a server action makes Next.js
 * render the current page again, so the switch needs no client JavaScript.
 */
import { cookies } from 'next/headers';
import { isLanguage, LANGUAGE_COOKIE } from './languages';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function setLanguage(formData: FormData): Promise<void> {
  const lang = formData.get('lang');
  if (!isLanguage(lang)) throw new Error(`Unknown language ${String(lang)}`);
  const cookieStore = await cookies();
  cookieStore.set(LANGUAGE_COOKIE, lang, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
}
