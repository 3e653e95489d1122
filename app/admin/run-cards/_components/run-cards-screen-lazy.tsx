'use client';
/** `RunCardsScreen` in the browser only: its live view needs the page's runtime Supabase config. */
import dynamic from 'next/dynamic';

export const RunCardsScreenLazy = dynamic(() => import('./run-cards-screen').then((m) => m.RunCardsScreen), {
  ssr: false,
  loading: () => <div className="h-[40vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
