'use client';
/**
 * The supervisor's dispatch screen: live queue board, map with incidents and agency posts, and the
 * drawer of the selected incident. Every write is a workflow RPC with the version the supervisor
 * saw; a `stale_version` refusal shows the conflict message and reloads the fresh state.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import { Bell, BellOff, ShieldAlert, Siren } from 'lucide-react';
import type { Agency, AgencyPost, DispatchReference, Incident } from '@/lib/data/dispatch';
import { assignAgency, cancelIncident, closeIncident, recordFollowUp } from '@/lib/data/dispatch-actions';
import { writeFailureMessage } from '@/lib/data/write-result';
import { isRefusal, type WriteResult } from '@/lib/domain/write-failure';
import { runCardFor } from '@/lib/domain/dispatch-agencies';
import { hazardAdditions, withHazardAdditions } from '@/lib/domain/hazard-run-card';
import { HAZARDS } from '@/lib/domain/hazard-catalog';
import { calledAgencyIds } from '@/lib/domain/post-ranking';
import { BOARD_COLUMNS } from '@/lib/domain/dispatch-board';
import { UNFINISHED_ASSIGNMENT_STATUSES } from '@/lib/domain/workflow';
import type { TileConfig } from '@/lib/map/tile-config';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveAssignments } from '@/lib/realtime/use-live-assignments';
import { useLiveUnitPositions } from '@/lib/realtime/use-live-unit-positions';
import { unitsOnMap } from '@/lib/domain/unit-positions';
import { useLiveIncidents } from '@/lib/realtime/use-live-incidents';
import { useLiveAgencies } from '@/lib/realtime/use-live-agencies';
import { useLiveAgencyPosts } from '@/lib/realtime/use-live-agency-posts';
import { useLiveRunCards } from '@/lib/realtime/use-live-run-cards';
import { liveOrInitial } from '@/lib/realtime/live-or-initial';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { QueueBoard } from '@/components/queue/queue-board';
import { ArrivalTracker } from '@/components/queue/arrival-tracker';
import { playBeep } from '@/components/queue/beep';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import type { DrawerNotice, DrawerPlace } from '@/components/incidents/drawer-notice';
import { PostAssignConfirm } from './post-assign-confirm';
import { DispatchMapLazy } from './dispatch-map-lazy';
import { SelectedIncidentPanel } from './selected-incident-panel';
import { HandoverLink } from './handover-link';
import { WaitingCallsStrip } from './waiting-calls-strip';
import { MajorAreaLayer } from '@/components/major/major-area-layer';
import { AreaDrawLayer } from '@/components/major/area-draw-layer';
import { MajorPanel } from './major-panel';
import { useMajorDesk } from './use-major-desk';

export interface DispatchScreenProps {
  reference: DispatchReference;
  tiles: TileConfig;
  user: { id: string; name: string };
}

const ACTIVE_ASSIGNMENTS = UNFINISHED_ASSIGNMENT_STATUSES;
/** A new report stays highlighted this long (database clock). */
const FRESH_MS = 30_000;
/** Placeholder id while nothing is selected: a valid uuid that matches no incident. */
const NO_INCIDENT = '00000000-0000-0000-0000-000000000000';
const NO_IDS: ReadonlySet<string> = new Set();

function newest(...rows: Array<Incident | undefined>): Incident | undefined {
  let best: Incident | undefined;
  for (const r of rows) if (r && (!best || r.version > best.version)) best = r;
  return best;
}

export function DispatchScreen({ reference, tiles, user }: DispatchScreenProps) {
  const { t } = useT();
  const [client] = useState(createClient);
  const incidents = useLiveIncidents(client, { statuses: BOARD_COLUMNS });
  const active = useLiveAssignments(client, { statuses: ACTIVE_ASSIGNMENTS });
  const positions = useLiveUnitPositions(client);
  const clock = useServerClock(client, incidents.status);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedLive = useLiveIncidents(client, { id: selectedId ?? NO_INCIDENT });
  // Rows returned by our own RPCs: newer than the live rows until realtime delivers the change, so a
  // second click right after the first does not trip over our own version bump.
  const [own, setOwn] = useState<ReadonlyMap<string, Incident>>(new Map());
  const [notice, setNotice] = useState<DrawerNotice | null>(null);
  // A map click only proposes an assignment; PostAssignConfirm names it before it is made.
  const [proposed, setProposed] = useState<AgencyPost | null>(null);
  const [busy, setBusy] = useState(false);
  const [sound, setSound] = useState(true);
  const [tracker] = useState(() => new ArrivalTracker());
  const announced = useSyncExternalStore(tracker.subscribe, tracker.getAnnounced, () => NO_IDS);
  const major = useMajorDesk(client);
  const [majorOpen, setMajorOpen] = useState(false);

  // Agencies, posts and run cards follow the administrator's changes live (issue #13).
  const liveAgencies = useLiveAgencies(client);
  const livePosts = useLiveAgencyPosts(client);
  const liveRunCards = useLiveRunCards(client);
  const agencyRows = liveOrInitial(liveAgencies, reference.agencies);
  const postRows = liveOrInitial(livePosts, reference.posts);
  const runCards = liveOrInitial(liveRunCards, reference.runCards);
  const agencies = useMemo(() => new Map<string, Agency>(agencyRows.map((a) => [a.id, a])), [agencyRows]);
  const posts = useMemo(() => postRows.filter((p) => p.active && agencies.get(p.agency_id)?.active === true), [postRows, agencies]);
  const people = useMemo(() => new Map(reference.people.map((p) => [p.id, p.full_name])), [reference.people]);

  const boardIncidents = useMemo(() => incidents.rows.map((r) => newest(r, own.get(r.id)) ?? r), [incidents.rows, own]);
  const units = useMemo(
    () => unitsOnMap(active.rows, positions.rows, new Map(boardIncidents.map((i) => [i.id, i]))),
    [active.rows, positions.rows, boardIncidents],
  );
  const selected = selectedId
    ? newest(selectedLive.rows.find((r) => r.id === selectedId), boardIncidents.find((r) => r.id === selectedId), own.get(selectedId))
    : undefined;

  // A report this screen has not seen before beeps once; the first snapshot only teaches the tracker.
  const idsKey = incidents.rows.map((r) => r.id).join(',');
  const isLive = incidents.status === 'live';
  useEffect(() => {
    if (!isLive) return;
    const fresh = tracker.observe(idsKey ? idsKey.split(',') : []);
    if (fresh.length && sound) playBeep();
  }, [idsKey, isLive, sound, tracker]);

  const freshIds = useMemo(() => {
    const ids = new Set<string>();
    for (const r of boardIncidents) if (announced.has(r.id) && clock.nowMs - Date.parse(r.reported_at) < FRESH_MS) ids.add(r.id);
    return ids;
  }, [announced, boardIncidents, clock.nowMs]);

  const selectedAssignedAgencies = useMemo(
    () => new Set(active.rows.filter((a) => a.incident_id === selectedId).map((a) => a.agency_id)),
    [active.rows, selectedId],
  );
  const selectedCategory = selected?.category;
  const categoryCard = selectedCategory ? runCardFor(runCards, selectedCategory) : undefined;
  // Hazards near the incident may add agencies to its card (issue #18 §2), each with its reason.
  const selectedLat = selected?.lat;
  const selectedLng = selected?.lng;
  const hazardPlan = useMemo(
    () =>
      selectedCategory && selectedLat !== undefined && selectedLng !== undefined
        ? withHazardAdditions(categoryCard, selectedCategory, hazardAdditions({ lat: selectedLat, lng: selectedLng }, selectedCategory, HAZARDS))
        : { card: categoryCard, added: [] },
    [categoryCard, selectedCategory, selectedLat, selectedLng],
  );
  const runCard = hazardPlan.card;
  const highlightAgencyIds = useMemo(
    () => (selectedCategory ? calledAgencyIds(agencies.values(), runCard) : null),
    [selectedCategory, agencies, runCard],
  );

  const refreshAll = useCallback(
    () => Promise.all([incidents.refresh(), active.refresh(), selectedLive.refresh(), livePosts.refresh(), liveAgencies.refresh()]),
    [incidents, active, selectedLive, livePosts, liveAgencies],
  );

  const run = useCallback(
    async <T,>(at: DrawerPlace, action: () => Promise<WriteResult<T>>, onOk?: (data: T) => void): Promise<boolean> => {
      setBusy(true);
      setNotice(null);
      try {
        const result = await action();
        if (result.ok) {
          onOk?.(result.data);
          setNotice({ kind: 'ok', message: t('dispatch.drawer.done'), at });
          return true;
        }
        if (isRefusal(result.failure, 'stale_version')) {
          setNotice({ kind: 'conflict', message: t('dispatch.drawer.conflict'), at });
          await refreshAll();
        } else {
          setNotice({ kind: 'error', message: writeFailureMessage(result.failure, t), at });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [refreshAll, t],
  );

  const remember = useCallback((row: Incident) => setOwn((m) => new Map(m).set(row.id, row)), []);

  const onSelect = useCallback((id: string) => {
    setSelectedId(id);
    setNotice(null);
    setProposed(null);
  }, []);

  const assign = (agencyId: string) => {
    if (!selected || busy) return;
    void run('assign', () => assignAgency(client, selected, agencyId), remember);
  };

  const onPostClick = (post: AgencyPost) => {
    if (selected && !selectedAssignedAgencies.has(post.agency_id)) setProposed(post);
  };
  const cancelProposal = useCallback(() => setProposed(null), []);
  const proposal = proposed && selected && !selectedAssignedAgencies.has(proposed.agency_id) ? proposed : null;

  return (
    <div className="flex h-[calc(100vh-3.5rem)] min-h-[640px] flex-col gap-2 p-2" data-test="dispatch-screen" data-beeps={announced.size}>
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-bold" data-test="page-title">
          {t('dispatch.title')}
        </h1>
        <ConnectionStatus status={incidents.status} />
        <Link href="/dispatch/nuisance" className="inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs" data-test="nuisance-link">
          <ShieldAlert className="h-3.5 w-3.5" aria-hidden="true" focusable={false} />
          {t('nuisance.link')}
        </Link>
        <HandoverLink client={client} userId={user.id} />
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded border border-red-300 px-2 py-0.5 text-xs font-semibold text-red-800"
          aria-expanded={majorOpen}
          onClick={() => setMajorOpen((o) => !o)}
          data-test="major-toggle"
          data-count={major.live.rows.length}
        >
          <Siren className="h-3.5 w-3.5" aria-hidden="true" focusable={false} />
          {t('major.desk.toggle', { count: major.live.rows.length })}
        </button>
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs"
          aria-pressed={sound}
          title={t('dispatch.sound.hint')}
          onClick={() => setSound((s) => !s)}
          data-test="sound-toggle"
        >
          {sound ? <Bell className="h-3.5 w-3.5" aria-hidden="true" focusable={false} data-test="sound-icon-on" /> : <BellOff className="h-3.5 w-3.5" aria-hidden="true" focusable={false} data-test="sound-icon-off" />}
          {sound ? t('dispatch.sound.on') : t('dispatch.sound.off')}
        </button>
        {clock.error && (
          <span className="text-xs text-amber-800" role="status">
            {t('dispatch.clockError')}
          </span>
        )}
        {incidents.error && incidents.status === 'error' && (
          <span className="text-xs text-red-700" role="alert">
            {t('dispatch.loadError', { message: incidents.error.message })}
          </span>
        )}
        <div className="ml-auto">
          <WaitingCallsStrip client={client} nowMs={clock.nowMs} />
        </div>
      </div>
      <div className="h-[40%] min-h-0">
        <QueueBoard
          incidents={boardIncidents}
          assignments={active.rows}
          agencies={agencies}
          nowMs={clock.nowMs}
          targets={reference.targets}
          selectedId={selectedId}
          freshIds={freshIds}
          onSelect={onSelect}
        />
      </div>
      <div className="flex min-h-0 flex-1 gap-2">
        <div className="relative min-h-0 flex-1 overflow-hidden rounded border border-slate-300" aria-label={t('dispatch.map.label')}>
          <DispatchMapLazy
            tiles={tiles}
            incidents={boardIncidents}
            posts={posts}
            agencies={agencies}
            runCard={runCard}
            selectedId={selectedId}
            freshIds={freshIds}
            highlightAgencyIds={highlightAgencyIds}
            assignedAgencyIds={selectedAssignedAgencies}
            onSelect={onSelect}
            onPostClick={onPostClick}
            units={units}
          >
            <MajorAreaLayer majors={major.live.rows} />
            {majorOpen && major.draft && (
              <AreaDrawLayer shape={major.draft.shape} centre={major.draft.centre} corners={major.draft.corners} area={major.area} onClick={major.mapClick} />
            )}
          </DispatchMapLazy>
          {proposal && selected && (
            <PostAssignConfirm
              key={proposal.id}
              agency={agencies.get(proposal.agency_id)?.name ?? proposal.agency_id}
              code={agencies.get(proposal.agency_id)?.code ?? ''}
              post={proposal.name}
              ticket={selected.ticket_no}
              busy={busy}
              onConfirm={() => {
                setProposed(null);
                assign(proposal.agency_id);
              }}
              onCancel={cancelProposal}
            />
          )}
        </div>
        <div className="min-h-0 w-[440px] shrink-0 overflow-hidden rounded border border-slate-300 bg-white">
          {majorOpen ? (
            <MajorPanel
              desk={major}
              selected={selected ?? null}
              ticketOf={(id) => (boardIncidents.find((i) => i.id === id) ?? (selected?.id === id ? selected : undefined))?.ticket_no}
              onClose={() => setMajorOpen(false)}
            />
          ) : selected ? (
            <SelectedIncidentPanel
              key={selected.id}
              client={client}
              user={user}
              incident={selected}
              agencies={agencies}
              posts={posts}
              runCard={runCard}
              hazardAdditions={hazardPlan.added}
              people={people}
              targets={reference.targets}
              nowMs={clock.nowMs}
              notice={notice}
              busy={busy}
              onDismiss={() => setSelectedId(null)}
              onAssign={assign}
              onCancel={(reason) => run('finish', () => cancelIncident(client, selected, reason), remember)}
              onClose={(summary, force) => run('finish', () => closeIncident(client, selected, summary, force), remember)}
              onFollowUp={(assignmentId, note) => run('assignments', () => recordFollowUp(client, assignmentId, note))}
            />
          ) : (
            <p className="p-4 text-sm text-slate-500" data-test="drawer-empty">
              {t('dispatch.drawer.empty')}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
