/**
 * Frame of the wall display: a full-screen dark kiosk without the app header. The wall runs
 * unattended on one account, so the page itself fills the screen; access control is in the page.
 * SessionWatch returns it to the login page when that account is deactivated.
 */
import type { ReactNode } from 'react';
import { SessionWatch } from '@/app/_components/session-watch';

export default function WallLayout({ children }: { children: ReactNode }) {
  return (
    <div className="dark h-screen overflow-hidden bg-slate-950 text-slate-50" data-theme="dark">
      <SessionWatch />
      {children}
    </div>
  );
}
