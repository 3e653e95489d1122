/** Frame of the admin area. */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
