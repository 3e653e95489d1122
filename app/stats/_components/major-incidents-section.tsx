/**
 * The major incidents of a period (issue #18 §1): each one once, with every call joined to its
 * ticket, the peak calls per minute, the agencies sent and the victims reported. Takes the rows of
 * public.stats_major_incidents (lib/data/major-incidents.ts readMajorIncidentStats); times in WIB.
 * This is the monthly report's section (server); /stats shows the same table live
 * (live-major-incidents-section.tsx).
 */
import type { MajorIncidentStats } from '@/lib/data/major-incidents';
import { getT } from '@/lib/i18n/server';
import { MajorIncidentsTable } from './major-incidents-table';
import { StatsSection } from './stats-section';

export async function MajorIncidentsSection({ rows }: { rows: readonly MajorIncidentStats[] }) {
  const { t, lang } = await getT();
  return (
    <StatsSection title={t('stats.major.title')} test="stats-major-incidents">
      <MajorIncidentsTable rows={rows} t={t} lang={lang} />
    </StatsSection>
  );
}
