'use client';
/**
 * `OperatorConsole` rendered in the browser only: it needs the page's Supabase configuration,
 * sessionStorage (the open call and its draft) and Leaflet, none of which exist on the server.
 */
import dynamic from 'next/dynamic';

export const OperatorConsoleLazy = dynamic(() => import('./operator-console').then((m) => m.OperatorConsole), {
  ssr: false,
  loading: () => <div className="m-4 h-40 animate-pulse rounded-lg bg-slate-200" aria-busy="true" data-test="operator-console-loading" />,
});
