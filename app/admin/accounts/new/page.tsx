/** Creating an account (issue #13). */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { listAgencyOptions } from '@/lib/data/admin-accounts';
import { NewAccountForm } from '../_components/new-account-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('accounts.new.title') };
}

export default async function NewAccountPage() {
  await requireRole('admin');
  const { t } = await getT();
  const agencies = await listAgencyOptions(await createClient());
  return (
    <>
      <Link href="/admin/accounts" className="text-sm text-sky-800 underline">
        {t('accounts.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('accounts.new.title')}</h1>
      <NewAccountForm agencies={agencies} />
    </>
  );
}
