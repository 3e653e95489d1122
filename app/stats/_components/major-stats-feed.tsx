'use client';
/**
 * The live part of /stats's major incidents, in the browser only (it opens a Supabase client, which
 * reads the page): every change that moves a figure — a declaration, change or end, a call linked
 * (the minutes row), an agency sent or a field report (the ticket's assignments) — reads
 * public.stats_major_incidents for the range again, at most once a second, and hands the rows up.
 * Only active major incidents are followed, so an idle page holds one channel.
 */
import { useEffect, useEffectEvent, useReducer, useRef, useState } from 'react';
import type { Db } from '@/lib/data/db';
import { readMajorIncidentStats, type MajorIncidentStats } from '@/lib/data/major-incidents';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { useLiveMajorIncidents } from '@/lib/realtime/use-live-major-incidents';
import { useLiveMajorMinutes } from '@/lib/realtime/use-live-major-minutes';
import { ConnectionStatus } from '@/components/realtime/connection-status';

const REREAD_MS = 1000;

export interface MajorStatsFeedProps {
  range: { from: string; to: string };
  onRows: (rows: MajorIncidentStats[]) => void;
}

/** A fingerprint of the live rows that changes whenever one of them does. */
const fingerprint = (rows: readonly { id: string | number; version: number }[]) => rows.map((r) => `${r.id}:${r.version}`).join(',');

function ActiveMajorWatch({ client, id, incidentId, onChange }: { client: Db; id: string; incidentId: string; onChange: () => void }) {
  const minutes = useLiveMajorMinutes(client, id);
  const assignments = useLiveAssignments(client, { incidentId });
  const key = `${fingerprint(minutes.rows)}|${fingerprint(assignments.rows)}`;
  const changed = useEffectEvent(onChange);
  useEffect(() => changed(), [key]);
  return null;
}

export function MajorStatsFeed({ range, onRows }: MajorStatsFeedProps) {
  const { t } = useT();
  const [client] = useState(createClient);
  const majors = useLiveMajorIncidents(client);
  const [failed, setFailed] = useState(false);
  // Bumped by a watched major incident's minutes or assignments changing.
  const [signal, bump] = useReducer((n: number) => n + 1, 0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reread = useEffectEvent(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      readMajorIncidentStats(client, range).then(
        (fresh) => {
          onRows(fresh);
          setFailed(false);
        },
        () => setFailed(true),
      );
    }, REREAD_MS);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const activeKey = fingerprint(majors.rows);
  const isLive = majors.status === 'live';
  useEffect(() => {
    if (isLive) reread();
  }, [activeKey, isLive, signal]);

  return (
    <div className="mb-2 flex items-center gap-2 text-xs text-slate-600" data-test="stats-major-live" data-active={majors.rows.length}>
      <ConnectionStatus status={majors.status} />
      <span>{t('stats.major.liveHint')}</span>
      {failed && (
        <span className="text-red-700" role="alert">
          {t('stats.major.rereadFailed')}
        </span>
      )}
      {majors.rows.map((m) => (
        <ActiveMajorWatch key={m.id} client={client} id={m.id} incidentId={m.incident_id} onChange={bump} />
      ))}
    </div>
  );
}
