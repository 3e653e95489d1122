'use client';
/** `AgenciesScreen` in the browser only: its live view needs the page's runtime Supabase config. */
import dynamic from 'next/dynamic';

export const AgenciesScreenLazy = dynamic(() => import('./agencies-screen').then((m) => m.AgenciesScreen), {
  ssr: false,
  loading: () => <div className="h-[40vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
