/** The stats area (placeholder until its screen is built); links to the wall display for leadership. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { UnderConstruction } from '@/app/_components/under-construction';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.stats') };
}

export default async function StatsPage() {
  await requireRole('leadership', 'supervisor', 'admin');
  const { t } = await getT();
  return (
    <UnderConstruction title={t('area.stats')}>
      <Link href="/wall" className="font-semibold text-brand-700 underline" data-test="open-wall">
        {t('page.openWall')}
      </Link>
    </UnderConstruction>
  );
}
