/**
 * Wall display (leadership's wall account; supervisors and admins may open it too): the reference
 * data is read on the server, the live map, boards and counters run in the browser.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { loadWallReference } from '@/lib/data/wall';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { WallScreenLazy } from './_components/wall-screen-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.wall') };
}

export default async function WallPage() {
  await requireRole('leadership', 'supervisor', 'admin');
  const reference = await loadWallReference(await createClient());
  return <WallScreenLazy reference={reference} tiles={tileConfigFromEnv()} />;
}
