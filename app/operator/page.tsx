/**
 * The operator console (/operator): call intake and classification against the 3-minute standard.
 * Operators and supervisors (who may take calls too). The server reads the SLA targets, the shift
 * schedule and the tile configuration; everything live happens in the client console.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { readSlaTargets } from '@/lib/data/sla-targets';
import { readShiftSchedule } from '@/lib/data/shift';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { OperatorConsoleLazy } from './_components/operator-console-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.operator') };
}

export default async function OperatorPage() {
  const { profile } = await requireRole('operator', 'supervisor');
  const supabase = await createClient();
  const [targets, schedule] = await Promise.all([readSlaTargets(supabase), readShiftSchedule(supabase)]);
  return <OperatorConsoleLazy operatorId={profile.id} targets={targets.general} shiftHours={schedule.start_hours} tiles={tileConfigFromEnv()} />;
}
