'use client';
/** `HandoverBoard` rendered in the browser only: its Supabase client and live views need a browser. */
import dynamic from 'next/dynamic';

export const HandoverBoardLazy = dynamic(() => import('./handover-board').then((m) => m.HandoverBoard), {
  ssr: false,
  loading: () => <div className="m-2 h-[40vh] animate-pulse rounded bg-slate-200" aria-busy="true" />,
});
