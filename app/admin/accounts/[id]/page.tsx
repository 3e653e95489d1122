/** One account (issue #13): its profile, its status (deactivate/reactivate) and a password reset. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { getAccount, listAgencyOptions } from '@/lib/data/admin-accounts';
import { Card } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { EditProfileForm } from '../_components/edit-profile-form';
import { AccountStateForm } from '../_components/account-state-form';
import { PasswordResetForm } from '../_components/password-reset-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('accounts.title') };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('admin');
  const { t, lang } = await getT();
  const { id } = await params;
  const db = await createClient();
  const [account, agencies] = await Promise.all([getAccount(db, id), listAgencyOptions(db)]);
  if (!account) notFound();
  const hasProfile = account.role !== null && account.version !== null;
  return (
    <>
      <Link href="/admin/accounts" className="text-sm text-sky-800 underline">
        {t('accounts.back')}
      </Link>
      <h1 className="text-2xl font-bold" data-test="account-title">
        {account.full_name ?? account.email}
      </h1>
      <p className="text-slate-700">
        {account.email} · {t('accounts.col.lastSignIn')}: {account.last_sign_in_at ? formatDateTime(account.last_sign_in_at, lang) : t('accounts.never')}
      </p>
      <Card className="grid gap-3">
        <h2 className="text-lg font-bold">{t('accounts.profile.title')}</h2>
        {hasProfile ? null : <Alert>{t('accounts.profile.missing')}</Alert>}
        <EditProfileForm
          id={account.id}
          version={hasProfile ? account.version : null}
          defaults={{
            fullName: account.full_name ?? '',
            role: account.role ?? 'operator',
            agencyId: account.agency_id,
            extension: account.extension,
          }}
          agencies={agencies}
        />
      </Card>
      {hasProfile ? (
        <Card className="grid gap-3">
          <h2 className="text-lg font-bold">{t('accounts.state.title')}</h2>
          <AccountStateForm id={account.id} version={account.version} active={account.active} />
        </Card>
      ) : null}
      <Card className="grid gap-3">
        <h2 className="text-lg font-bold">{t('accounts.reset.title')}</h2>
        <PasswordResetForm id={account.id} />
      </Card>
    </>
  );
}
