/** Frame of the stats area. */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';

export default function StatsLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
