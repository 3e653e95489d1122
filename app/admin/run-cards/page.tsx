/**
 * Admin: the run cards (rencana respons) that rank dispatch's nearest posts, with hints from the
 * agencies' dispatch-accuracy answers (issue #18 §5) to tune them by.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { AdminPageFrame } from '../_components/admin-page-frame';
import { RunCardsScreenLazy } from './_components/run-cards-screen-lazy';
import { createClient } from '@/lib/supabase/server';
import { loadRunCardHints } from '@/lib/data/dispatch-accuracy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.runCards.title') };
}

export default async function AdminRunCardsPage() {
  await requireRole('admin');
  const { t } = await getT();
  const hints = await loadRunCardHints(await createClient());
  return (
    <AdminPageFrame title={t('admin.runCards.title')} backLabel={t('admin.back')}>
      <RunCardsScreenLazy hints={hints} />
    </AdminPageFrame>
  );
}
