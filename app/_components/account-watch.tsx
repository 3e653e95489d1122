'use client';
/**
 * `AccountWatchLive` in the browser only: its Supabase client reads the page's runtime configuration,
 * which a server render does not have.
 */
import dynamic from 'next/dynamic';

export const AccountWatch = dynamic(() => import('./account-watch-live').then((m) => m.AccountWatchLive), { ssr: false });
