/**
 * Nomor mengganggu (supervisor): block proposals to approve or reject with a reason, and the blocks in
 * force with their expiry and who decided. Everything live runs in the browser.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { NuisanceBoardLazy } from './_components/nuisance-board-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('nuisance.title') };
}

export default async function NuisancePage() {
  await requireRole('supervisor');
  return <NuisanceBoardLazy />;
}
