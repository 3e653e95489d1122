/** Frame of the operator area. */
import type { ReactNode } from 'react';
import { AppShell } from '@/app/_components/app-shell';

export default function OperatorLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
