/**
 * Dispatch (supervisor): the reference data — agencies, posts, SLA targets, names — is read on the
 * server; the live board, map and drawer run in the browser.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { loadDispatchReference } from '@/lib/data/dispatch';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { DispatchScreenLazy } from './_components/dispatch-screen-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.dispatch') };
}

export default async function DispatchPage() {
  const { profile } = await requireRole('supervisor');
  const reference = await loadDispatchReference(await createClient());
  return <DispatchScreenLazy reference={reference} tiles={tileConfigFromEnv()} user={{ id: profile.id, name: profile.full_name }} />;
}
