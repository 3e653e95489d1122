'use client';
/** `IncidentMiniMap` in the browser only (Leaflet cannot render on the server). */
import dynamic from 'next/dynamic';

export const LazyIncidentMiniMap = dynamic(() => import('./incident-mini-map').then((m) => m.IncidentMiniMap), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded-lg bg-slate-200" aria-busy="true" />,
});
