'use client';
/** `PostsScreen` in the browser only: its live views and the map need the page's runtime Supabase config. */
import dynamic from 'next/dynamic';

export const PostsScreenLazy = dynamic(() => import('./posts-screen').then((m) => m.PostsScreen), {
  ssr: false,
  loading: () => <div className="h-[40vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
