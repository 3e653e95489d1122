/**
 * Top bar of every signed-in area: service name, who is signed in and as what, language, sign-out.
 * On a liaison's phone it is one short row (the service name only for screen readers, long names
 * truncated, "Keluar" never wrapped), so the header leaves the screen to the assignment.
 */
import Link from 'next/link';
import { Search } from 'lucide-react';
import type { Profile } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { findsIncidents } from '@/lib/domain/find-roles';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';
import { ServerAwayBoundary } from './server-away-boundary';

export async function AppHeader({ profile }: { profile: Profile }) {
  const { t } = await getT();
  return (
    <header className="flex items-center gap-x-3 border-b-4 border-brand-600 bg-slate-900 px-3 py-1.5 text-white sm:flex-wrap sm:gap-x-6 sm:gap-y-2 sm:px-4 sm:py-2" data-test="app-header">
      <Link href="/" className="flex shrink-0 items-center gap-2 font-bold tracking-tight" data-test="app-name">
        <span className="rounded bg-brand-600 px-1.5 py-0.5 text-sm font-black">112</span>
        <span className="sr-only sm:not-sr-only">{t('app.name')}</span>
      </Link>
      <div className="ml-auto flex min-w-0 items-center gap-2 sm:flex-wrap sm:gap-4">
        {findsIncidents(profile.role) ? (
          <Link
            href="/incidents"
            className="flex shrink-0 items-center gap-1 text-sm font-semibold underline-offset-4 hover:underline"
            title={t('find.nav')}
            data-test="nav-find"
          >
            <Search className="h-4 w-4" aria-hidden="true" />
            {/* An icon only on a phone: the header must not grow there. */}
            <span className="sr-only sm:not-sr-only">{t('find.nav')}</span>
          </Link>
        ) : null}
        <div className="min-w-0 text-right text-sm leading-tight" title={t('header.signedInAs', { name: profile.full_name })}>
          <div className="truncate font-semibold" data-test="header-user-name">
            {profile.full_name}
          </div>
          <div className="truncate text-slate-300" data-test="header-user-role" data-role={profile.role}>
            {t(`role.${profile.role}`)}
          </div>
        </div>
        {/* One boundary for both forms: a failed action leaves the rest of the screen live. */}
        <ServerAwayBoundary>
          <div className="flex shrink-0 items-center gap-2 sm:gap-4">
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </ServerAwayBoundary>
      </div>
    </header>
  );
}
