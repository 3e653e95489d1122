/**
 * Frame of the opd area. The liaison's outbox lives here, above the pages, so a step waiting for the
 * connection keeps being retried while the liaison moves between the inbox and an incident; so does
 * unit location sharing, which must go on while the phone shows the inbox or any other page.
 */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';
import { LocationSharingProvider } from '@/components/opd/location-sharing-provider';
import { OpdQueueProvider } from '@/components/opd/opd-queue-provider';
import { getSession } from '@/lib/auth/session';

export default async function OpdLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  // Access is still decided by each page (requireRole); the provider only needs whose outbox it is.
  const liaison = session.status === 'active' && session.profile.role === 'opd' ? session.profile : null;
  return (
    <AppShell>
      {liaison ? (
        <OpdQueueProvider userId={liaison.id}>
          <LocationSharingProvider userId={liaison.id} agencyId={liaison.agency_id}>
            {children}
          </LocationSharingProvider>
        </OpdQueueProvider>
      ) : (
        children
      )}
    </AppShell>
  );
}
