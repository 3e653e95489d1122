/**
 * Frame of a signed-in area: the header and the page below it. `dark` suits the wall display.
 * Access control is not done here but by requireRole in each page; AccountWatch sends the screen
 * back to the login page when the account is deactivated meanwhile.
 */
import type { ReactNode } from 'react';
import { getSession } from '@/lib/auth/session';
import { AppHeader } from './app-header';
import { SessionWatch } from './session-watch';

export async function AppShell({ children, theme = 'light' }: { children: ReactNode; theme?: 'light' | 'dark' }) {
  const session = await getSession();
  return (
    <div
      className={`flex min-h-screen flex-col ${theme === 'dark' ? 'dark bg-slate-950 text-slate-50' : 'bg-slate-50 text-slate-950'}`}
      data-theme={theme}
    >
      {session.status === 'active' ? (
        <>
          <AppHeader profile={session.profile} />
          <SessionWatch />
        </>
      ) : null}
      <main className="flex flex-1 flex-col">{children}</main>
    </div>
  );
}
