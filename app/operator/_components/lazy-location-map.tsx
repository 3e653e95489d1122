'use client';
/** `LocationMap` loaded in the browser only: Leaflet cannot render on the server. */
import dynamic from 'next/dynamic';

export const LazyLocationMap = dynamic(() => import('./location-map').then((m) => m.LocationMap), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded-md bg-slate-200 lg:h-96" aria-busy="true" />,
});
