'use client';
/**
 * /stats's major incidents, live (issue #18 §1): the server's rows first, rendered on the server;
 * then MajorStatsFeed (browser only) replaces them whenever a figure moves while one is active.
 */
import { useState } from 'react';
import dynamic from 'next/dynamic';
import type { MajorIncidentStats } from '@/lib/data/major-incidents';
import { useT } from '@/lib/i18n/use-t';
import { MajorIncidentsTable } from './major-incidents-table';
import { StatsSection } from './stats-section';

const MajorStatsFeed = dynamic(() => import('./major-stats-feed').then((m) => m.MajorStatsFeed), { ssr: false });

export interface LiveMajorIncidentsSectionProps {
  initial: readonly MajorIncidentStats[];
  range: { from: string; to: string };
}

export function LiveMajorIncidentsSection({ initial, range }: LiveMajorIncidentsSectionProps) {
  const { t, lang } = useT();
  const [rows, setRows] = useState(initial);
  return (
    <StatsSection title={t('stats.major.title')} test="stats-major-incidents">
      <MajorStatsFeed range={range} onRows={setRows} />
      <MajorIncidentsTable rows={rows} t={t} lang={lang} />
    </StatsSection>
  );
}
