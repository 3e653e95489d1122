/**
 * Root layout: language from the `lang` cookie, and the Supabase location read at request time for
 * the browser client (a head meta element; see lib/supabase/client.ts). Reading cookies makes every
 * page render per request, which is what keeps the API address out of the build. The render time
 * seeds the tab's database-clock estimate (lib/realtime/server-clock.ts) before any screen measures.
 */
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { LanguageProvider } from '@/lib/i18n/language-provider';
import { getT } from '@/lib/i18n/server';
import { readSupabaseConfig } from '@/lib/supabase/runtime-config';
import { SUPABASE_CONFIG_META_NAME } from '@/lib/supabase/runtime-url';
import { ServerClockSeed } from './_components/server-clock-seed';
import { ServerAwayWorker } from './_components/server-away-worker';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  const { url, anonKey } = readSupabaseConfig();
  return {
    // Both values are public; the service-role key never goes here.
    other: { [SUPABASE_CONFIG_META_NAME]: JSON.stringify({ url, anonKey }) },
    title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
    description: t('app.tagline'),
  };
}

export const viewport: Viewport = {
  themeColor: '#0f172a',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang } = await getT();
  return (
    <html lang={lang}>
      <body>
        {/* Rendered once per request (cookies): the time of this render is the value wanted. */}
        {/* eslint-disable-next-line react-hooks/purity */}
        <ServerClockSeed renderedAtMs={Date.now()} />
        <ServerAwayWorker />
        <LanguageProvider lang={lang}>{children}</LanguageProvider>
      </body>
    </html>
  );
}
