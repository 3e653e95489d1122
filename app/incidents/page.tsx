/**
 * Find an incident (issue #17): search by ticket, caller number, place or text and list open, closed
 * and cancelled incidents with filters, newest first, paged on the server. The search runs under
 * the reader's RLS, so each role lists only what it may read; the caller-number field is offered
 * only to the roles that read caller numbers (the database ignores it for the others anyway).
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/app/_components/app-shell';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import type { SearchParams } from '@/lib/domain/audit-query';
import { parseSearchQuery, SEARCH_PAGE_SIZE, searchQueryParams } from '@/lib/domain/incident-search-query';
import { searchIncidents } from '@/lib/data/incident-search';
import { FIND_ROLES, readsCallerPhones } from '@/lib/domain/find-roles';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { SearchForm } from './_components/search-form';
import { SearchResults } from './_components/search-results';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('find.title') };
}

export default async function FindIncidentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { profile } = await requireRole(...FIND_ROLES);
  const { t } = await getT();
  const params = await searchParams;
  const parsed = parseSearchQuery(params);
  const db = await createClient();
  const [agencies, page] = await Promise.all([
    db.from('agencies').select('id, name').order('name'),
    parsed.ok ? searchIncidents(db, parsed.query, SEARCH_PAGE_SIZE) : Promise.resolve(null),
  ]);
  const withPhone = readsCallerPhones(profile.role);
  return (
    <AppShell>
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-4 p-3 sm:p-4">
        <h1 className="text-2xl font-bold">{t('find.title')}</h1>
        <SearchForm params={params} range={parsed.ok ? parsed.query.range : null} agencies={agencies.data ?? []} withPhone={withPhone} />
        {!parsed.ok ? (
          <Alert tone="error" data-test="find-invalid">
            {t('find.invalid', { detail: t(`find.problem.${parsed.problem}`) })}
          </Alert>
        ) : page ? (
          <SearchResults rows={page.rows} />
        ) : null}
        {parsed.ok ? (
          <nav className="flex gap-3" aria-label={t('find.pages')}>
            {parsed.query.before ? (
              <Link href={`/incidents?${searchQueryParams(parsed.query)}`} className={buttonClasses({ variant: 'secondary' })} data-test="find-first">
                {t('find.first')}
              </Link>
            ) : null}
            {page?.next ? (
              <Link href={`/incidents?${searchQueryParams(parsed.query, page.next)}`} className={buttonClasses({ variant: 'secondary' })} data-test="find-next">
                {t('find.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </AppShell>
  );
}
