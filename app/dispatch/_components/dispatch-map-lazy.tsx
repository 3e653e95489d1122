'use client';
/** `DispatchMap` loaded in the browser only: Leaflet cannot render on the server. */
import dynamic from 'next/dynamic';

export const DispatchMapLazy = dynamic(() => import('./dispatch-map').then((m) => m.DispatchMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-200" aria-busy="true" />,
});
