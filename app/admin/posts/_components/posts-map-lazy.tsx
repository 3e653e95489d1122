'use client';
/** `PostsMap` loaded in the browser only: Leaflet cannot render on the server. */
import dynamic from 'next/dynamic';

export const PostsMapLazy = dynamic(() => import('./posts-map').then((m) => m.PostsMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-200" aria-busy="true" />,
});
