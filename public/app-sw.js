/*
 * Service worker of the whole app: only the page shown for navigations while the Next.js server
 * is away (server-away-sw.js). Caches nothing.
 */
importScripts('/server-away-sw.js');
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
