/**
 * /admin/legal-holds (issue #22): every legal hold, active ones first (ticket, reason, until when,
 * by whom), lifting one with a reason, and placing one on an incident found by its ticket number.
 * Admins only here; supervisors place and lift holds from the incident's own page.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { listHolds } from '@/lib/data/data-protection';
import { LegalHoldList } from '@/components/incidents/legal-hold-list';
import { HoldByTicket } from './_components/hold-by-ticket';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.holds.title') };
}

export default async function AdminLegalHoldsPage() {
  await requireRole('admin');
  const { t } = await getT();
  const holds = await listHolds(await createClient());
  return (
    <section className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4" data-test="admin-legal-holds">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.holds.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.holds.intro')}</p>
      </div>
      <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">{t('admin.holds.find.title')}</h2>
        <HoldByTicket />
      </section>
      <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-test="holds-list">
        <h2 className="text-lg font-semibold">{t('admin.holds.list.title')}</h2>
        <LegalHoldList holds={holds} showTicket />
      </section>
    </section>
  );
}
