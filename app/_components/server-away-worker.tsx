'use client';
/**
 * Registers the app's service worker (public/app-sw.js), whose only job is the page shown for a
 * navigation while the Next.js server is away. Browsers allow service workers only in a secure
 * context (https, or this machine): over plain http on the LAN a navigation then shows the
 * browser's own error page, and the header's forms still show their notice (ServerAwayBoundary).
 */
import { useEffect } from 'react';

export function ServerAwayWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('/app-sw.js', { scope: '/' }).catch((err: unknown) => {
      // No worker means only the browser's own page while the server is away; the screen works.
      console.warn('The app service worker could not be registered', err);
    });
  }, []);
  return null;
}
