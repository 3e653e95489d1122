'use client';
/**
 * Shows a system notification for a new assignment. Android Chrome allows notifications only
 * through a service worker (`new Notification()` throws there), so the page registers
 * /opd-sw.js and uses its registration; desktop browsers without service workers use the constructor.
 * Both need a secure context (https or localhost) and the liaison's permission.
 */
const SW_URL = '/opd-sw.js';
const SW_SCOPE = '/opd';

export function notificationsPermitted(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/** Registers the notification worker; resolves to null where service workers are unavailable. */
export async function registerNotificationWorker(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return null;
  return navigator.serviceWorker.register(SW_URL, { scope: SW_SCOPE });
}

export async function showAssignmentNotification(
  registration: ServiceWorkerRegistration | null,
  title: string,
  options: NotificationOptions & { data: { url: string } },
): Promise<void> {
  if (!notificationsPermitted()) return;
  if (registration) {
    await registration.showNotification(title, options);
    return;
  }
  new Notification(title, options);
}
