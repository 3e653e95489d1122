/**
 * Frame of the opd area. The liaison's outbox lives here, above the pages, so a step waiting for the
 * connection keeps being retried while the liaison moves between the inbox and an incident.
 */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';
import { OpdQueueProvider } from '@/components/opd/opd-queue-provider';
import { getSession } from '@/lib/auth/session';

export default async function OpdLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  // Access is still decided by each page (requireRole); the provider only needs whose outbox it is.
  const userId = session.status === 'active' && session.profile.role === 'opd' ? session.profile.id : null;
  return <AppShell>{userId ? <OpdQueueProvider userId={userId}>{children}</OpdQueueProvider> : children}</AppShell>;
}
