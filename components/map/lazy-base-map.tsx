'use client';
/** `BaseMap` loaded in the browser only: Leaflet cannot render on the server. */
import dynamic from 'next/dynamic';

export const LazyBaseMap = dynamic(() => import('./base-map').then((m) => m.BaseMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-200" aria-busy="true" />,
});
