'use client';
/**
 * `WallScreen` rendered in the browser only: its Supabase client reads the page's runtime
 * configuration and its live views need a browser; the server renders a dark placeholder.
 */
import dynamic from 'next/dynamic';

export const WallScreenLazy = dynamic(() => import('./wall-screen').then((m) => m.WallScreen), {
  ssr: false,
  loading: () => <div className="h-screen w-full animate-pulse bg-slate-950" aria-busy="true" />,
});
