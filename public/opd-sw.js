/*
 * Service worker of the OPD liaison's screen, for notifications: Android Chrome refuses
 * `new Notification()` and shows notifications only through a service worker registration. It
 * caches nothing; navigations that cannot reach the server get the app's "server away" page
 * (server-away-sw.js, as under the app's own worker, which this one replaces for /opd). A tap on a
 * notification focuses the open /opd tab, or opens the incident.
 */
importScripts('/server-away-sw.js');
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/opd';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).pathname.startsWith('/opd'));
      if (open) return open.focus().then((w) => (w ? w.navigate(url) : undefined));
      return self.clients.openWindow(url);
    }),
  );
});
