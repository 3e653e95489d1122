'use client';
/** `OpdInbox` in the browser only: its live view and Supabase client need the page; the server sends a placeholder. */
import dynamic from 'next/dynamic';

export const OpdInboxLazy = dynamic(() => import('./opd-inbox').then((m) => m.OpdInbox), {
  ssr: false,
  loading: () => <div className="mx-auto m-3 h-64 w-full max-w-xl animate-pulse rounded-lg bg-slate-200" aria-busy="true" />,
});
