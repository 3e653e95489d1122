/** Frame of the dispatch area. */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';

export default function DispatchLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
