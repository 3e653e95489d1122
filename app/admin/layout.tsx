/** Frame of the admin area: the header, the section navigation, the section's page. */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';
import { AdminNav } from './_components/admin-nav';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell>
      <AdminNav />
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-4 p-4">{children}</div>
    </AppShell>
  );
}
