'use client';
/**
 * `DispatchScreen` rendered in the browser only: its Supabase client reads the page's runtime
 * configuration and its live views need a browser; the server renders a placeholder.
 */
import dynamic from 'next/dynamic';

export const DispatchScreenLazy = dynamic(() => import('./dispatch-screen').then((m) => m.DispatchScreen), {
  ssr: false,
  loading: () => <div className="m-2 h-[60vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
