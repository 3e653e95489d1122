/**
 * /admin/data-subject (issue #22): everything held about one phone number — its calls (raw or
 * pseudonymised), their incidents, blocks, call-backs, who read its data, and the requests about
 * it — read by data_subject_search, which logs the search; CSV and JSON exports through
 * /api/admin/data-subject/export (logged as exports); recording a request and its answer.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { listDataSubjectRequests, searchDataSubject } from '@/lib/data/data-protection';
import { parseSubjectPhone } from '@/lib/domain/data-subject-input';
import { wibToday } from '@/lib/domain/legal-hold-input';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { buttonClasses } from '@/components/ui/button';
import { SubjectSections } from './_components/subject-sections';
import { RecordRequestForm } from './_components/record-request-form';
import { RequestList } from './_components/request-list';

type SearchParams = Record<string, string | string[] | undefined>;

const INPUT = 'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.dsr.title') };
}

export default async function AdminDataSubjectPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('admin');
  const { t } = await getT();
  const raw = (await searchParams).phone;
  const typed = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const phone = typed.trim() === '' ? null : parseSubjectPhone(typed);
  const db = await createClient();
  const found = phone?.ok ? await searchDataSubject(db, phone.value, false) : null;
  const doc = found?.ok ? found.doc : null;
  const requests = doc ? await listDataSubjectRequests(db, doc.requests.map((r) => String(r.id))) : [];
  // The database's clock at the search: the form's default day and the deadlines read it, not this machine's.
  const nowMs = doc ? Date.parse(doc.generated_at) : 0;
  const exportHref = (format: 'csv' | 'json') => `/api/admin/data-subject/export?${new URLSearchParams({ phone: phone?.ok ? phone.value : '', format })}`;

  return (
    <section className="mx-auto flex w-full max-w-7xl flex-col gap-4 p-4" data-test="admin-data-subject">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.dsr.title')}
        </h1>
        <p className="max-w-3xl text-sm text-slate-600">{t('admin.dsr.intro')}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" data-test="dsr-search-form">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('admin.dsr.phone')}
          <input name="phone" defaultValue={typed.slice(0, 64)} maxLength={64} inputMode="tel" placeholder="0812 3456 7890" className={INPUT} data-test="dsr-phone" />
        </label>
        <button type="submit" className={buttonClasses()} data-test="dsr-search">
          {t('admin.dsr.search')}
        </button>
      </form>
      {phone && !phone.ok ? (
        <p role="alert" className="text-sm font-semibold text-red-700" data-test="dsr-problem">
          {t(workflowErrorKey(phone.problem))}
        </p>
      ) : null}
      {found && !found.ok ? (
        <p role="alert" className="text-sm font-semibold text-red-700" data-test="dsr-too-large">
          {t(workflowErrorKey(found.problem))}
        </p>
      ) : null}
      {doc && phone?.ok ? (
        <>
          <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-test="dsr-result" data-phone={doc.phone}>
            <p className="font-semibold" data-test="dsr-summary">
              {t('admin.dsr.summary', {
                phone: phone.value,
                calls: doc.calls.length,
                incidents: doc.incidents.length,
                blocks: doc.blocks.length,
                callbacks: doc.callbacks.length,
                access: doc.access.length,
                requests: doc.requests.length,
              })}
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <a href={exportHref('csv')} download className={buttonClasses({ variant: 'secondary', size: 'sm' })} data-test="dsr-export-csv">
                {t('admin.dsr.export.csv')}
              </a>
              <a href={exportHref('json')} download className={buttonClasses({ variant: 'secondary', size: 'sm' })} data-test="dsr-export-json">
                {t('admin.dsr.export.json')}
              </a>
              <span className="text-xs text-slate-500">{t('admin.dsr.export.note')}</span>
            </div>
          </section>
          <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-test="dsr-requests">
            <h2 className="text-lg font-semibold">{t('admin.dsr.requests.title')}</h2>
            <RequestList requests={requests} nowMs={nowMs} />
            <h3 className="font-semibold">{t('admin.dsr.record.title')}</h3>
            <RecordRequestForm phone={phone.value} today={wibToday(nowMs)} />
          </section>
          <SubjectSections doc={doc} />
        </>
      ) : null}
    </section>
  );
}
