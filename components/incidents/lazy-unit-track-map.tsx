'use client';
/** `UnitTrackMap` in the browser only (Leaflet cannot render on the server). */
import dynamic from 'next/dynamic';

export const LazyUnitTrackMap = dynamic(() => import('./unit-track-map').then((m) => m.UnitTrackMap), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded-lg bg-slate-200" aria-busy="true" />,
});
