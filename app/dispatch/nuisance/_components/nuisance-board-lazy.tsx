'use client';
/** `NuisanceBoard` rendered in the browser only: its Supabase client and live views need a browser. */
import dynamic from 'next/dynamic';

export const NuisanceBoardLazy = dynamic(() => import('./nuisance-board').then((m) => m.NuisanceBoard), {
  ssr: false,
  loading: () => <div className="m-2 h-[40vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
