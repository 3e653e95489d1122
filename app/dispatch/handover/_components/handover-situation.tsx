'use client';
/**
 * What is handed over, live: the open incidents (most urgent first), the assignments no agency has
 * acknowledged yet, and the nuisance blocks in force. The database counts the same when a note is
 * saved (private.handover_counts), so the note records what its writer saw.
 */
import { useMemo } from 'react';
import type { Db } from '@/lib/data/db';
import { blockState } from '@/lib/domain/nuisance';
import { OPEN_INCIDENT_STATUSES } from '@/lib/domain/workflow';
import { useT } from '@/lib/i18n/use-t';
import { useLiveAgencies } from '@/lib/realtime/use-live-agencies';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { useLiveIncidents, type LiveIncident } from '@/lib/realtime/use-live-incidents';
import { useLiveNumberBlocks } from '@/lib/realtime/use-live-number-blocks';

const SHOWN = 8;
const WAITING = ['assigned'] as const;
const PRIORITY_RANK: Record<LiveIncident['priority'], number> = { critical: 0, high: 1, medium: 2, low: 3 };

const mostUrgentFirst = (a: LiveIncident, b: LiveIncident) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || Date.parse(a.reported_at) - Date.parse(b.reported_at);

function Figure({ label, count, test, children }: { label: string; count: number; test: string; children?: React.ReactNode }) {
  return (
    <div className="rounded border border-slate-200 p-3" data-test={test} data-count={count}>
      <p className="flex items-baseline justify-between gap-2">
        <span className="font-semibold">{label}</span>
        <span className="text-2xl font-bold tabular-nums">{count}</span>
      </p>
      {children}
    </div>
  );
}

export function HandoverSituation({ client, nowMs }: { client: Db; nowMs: number }) {
  const { t } = useT();
  const incidents = useLiveIncidents(client, { statuses: OPEN_INCIDENT_STATUSES });
  const waiting = useLiveAssignments(client, { statuses: WAITING });
  const agencies = useLiveAgencies(client);
  const blocks = useLiveNumberBlocks(client);
  const open = useMemo(() => [...incidents.rows].sort(mostUrgentFirst), [incidents.rows]);
  const agencyName = new Map(agencies.rows.map((a) => [a.id, a.name]));
  const ticketOf = new Map(incidents.rows.map((i) => [i.id, i.ticket_no]));
  const activeBlocks = blocks.rows.filter((b) => blockState(b, nowMs) === 'active');
  const more = (shown: number, total: number) =>
    total > shown && <li className="text-slate-600">{t('handover.situation.more', { count: total - shown })}</li>;

  return (
    <section className="flex flex-col gap-2" data-test="handover-situation" aria-labelledby="handover-situation-title">
      <h2 id="handover-situation-title" className="font-bold">
        {t('handover.situation.title')}
      </h2>
      <Figure label={t('handover.situation.openIncidents')} count={open.length} test="situation-open">
        {open.length === 0 ? (
          <p className="text-sm text-slate-600">{t('handover.situation.none')}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-0.5 text-sm">
            {open.slice(0, SHOWN).map((i) => (
              <li key={i.id} data-test="situation-incident" data-ticket={i.ticket_no}>
                <span className="font-mono font-semibold">{i.ticket_no}</span> · {t(`dispatch.priority.${i.priority}`)} ·{' '}
                {t(`dispatch.category.${i.category}`)} · {t(`dispatch.status.${i.status}`)}
                {i.kecamatan ? ` · ${i.kecamatan}` : ''}
              </li>
            ))}
            {more(SHOWN, open.length)}
          </ul>
        )}
      </Figure>
      <Figure label={t('handover.situation.waiting')} count={waiting.rows.length} test="situation-waiting">
        {waiting.rows.length > 0 && (
          <ul className="mt-1 flex flex-col gap-0.5 text-sm">
            {waiting.rows.slice(0, SHOWN).map((a) => (
              <li key={a.id}>
                {t('handover.situation.waitingItem', {
                  ticket: ticketOf.get(a.incident_id) ?? '—',
                  agency: agencyName.get(a.agency_id) ?? '—',
                })}
              </li>
            ))}
            {more(SHOWN, waiting.rows.length)}
          </ul>
        )}
      </Figure>
      <Figure label={t('handover.situation.blocked')} count={activeBlocks.length} test="situation-blocked" />
    </section>
  );
}
