/**
 * Frame of the wall display: a full-screen dark kiosk without the app header. The wall runs
 * unattended on one account, so the page itself fills the screen; access control is in the page.
 */
import type { ReactNode } from 'react';

export default function WallLayout({ children }: { children: ReactNode }) {
  return (
    <div className="dark h-screen overflow-hidden bg-slate-950 text-slate-50" data-theme="dark">
      {children}
    </div>
  );
}
