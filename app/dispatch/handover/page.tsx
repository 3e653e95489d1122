/**
 * Serah terima shift (supervisor): the outgoing supervisor's note for the coming shift change beside
 * what is being handed over (open incidents, acknowledgements waiting, blocked numbers), and the notes
 * of others to acknowledge. Everything live runs in the browser.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { HandoverBoardLazy } from './_components/handover-board-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('handover.title') };
}

export default async function HandoverPage() {
  const { profile } = await requireRole('supervisor');
  return <HandoverBoardLazy supervisorId={profile.id} />;
}
