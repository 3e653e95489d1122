/*
 * Service worker of the OPD liaison's screen, for notifications only: Android Chrome refuses
 * `new Notification()` and shows notifications only through a service worker registration. It
 * caches nothing and does not touch requests. A tap on a notification focuses the open /opd tab,
 * or opens the incident.
 */
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
