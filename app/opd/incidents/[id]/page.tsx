/**
 * One incident assigned to the liaison's agency. Row-level security decides what exists here: an
 * incident of another agency is not returned at all, and the page answers 404 like for a bad id.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { loadOpdIncident, loadOpdReference } from '@/lib/data/opd';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { OpdIncidentViewLazy } from '@/components/opd/opd-incident-view-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.opd') };
}

export default async function OpdIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { profile } = await requireRole('opd');
  const { id } = await params;
  if (!profile.agency_id) notFound();
  const client = await createClient();
  const [detail, reference] = await Promise.all([loadOpdIncident(client, id), loadOpdReference(client, profile.agency_id)]);
  if (!detail) notFound();
  return (
    <OpdIncidentViewLazy
      initialIncident={detail.incident}
      callers={detail.callers}
      agencies={reference.agencies}
      myAgencyId={profile.agency_id}
      targets={reference.targets}
      tiles={tileConfigFromEnv()}
    />
  );
}
