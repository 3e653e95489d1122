'use client';
/** `WallMap` loaded in the browser only: Leaflet cannot render on the server. */
import dynamic from 'next/dynamic';

export const WallMapLazy = dynamic(() => import('./wall-map').then((m) => m.WallMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-900" aria-busy="true" />,
});
