/** The admin area (placeholder until its screen is built). */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { UnderConstruction } from '@/app/_components/under-construction';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.admin') };
}

export default async function AdminPage() {
  await requireRole('admin');
  const { t } = await getT();
  return <UnderConstruction title={t('area.admin')} />;
}
