'use client';
/** `OpdIncidentView` in the browser only: its live views and Supabase client need the page. */
import dynamic from 'next/dynamic';

export const OpdIncidentViewLazy = dynamic(() => import('./opd-incident-view').then((m) => m.OpdIncidentView), {
  ssr: false,
  loading: () => <div className="mx-auto m-3 h-96 w-full max-w-xl animate-pulse rounded-lg bg-slate-200" aria-busy="true" />,
});
