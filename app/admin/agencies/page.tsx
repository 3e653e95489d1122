/** Admin: the agencies (OPD) — create, edit, deactivate. */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { AdminPageFrame } from '../_components/admin-page-frame';
import { AgenciesScreenLazy } from './_components/agencies-screen-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.agencies.title') };
}

export default async function AdminAgenciesPage() {
  await requireRole('admin');
  const { t } = await getT();
  return (
    <AdminPageFrame title={t('admin.agencies.title')} backLabel={t('admin.back')}>
      <AgenciesScreenLazy />
    </AdminPageFrame>
  );
}
