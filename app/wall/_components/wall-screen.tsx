'use client';
/**
 * The wall display: live map, five queue boards, today's counters and the SLA chart, with the
 * connection state in a corner. It needs no interaction: after a network drop or a restart of the
 * stack the live view and the wall feed (Broadcast from Database on wall:live) resubscribe and
 * resync, and the clock offset is measured again. State stays bounded for a screen that runs for
 * days: only open incidents are held (closed ones leave the live view), boards are capped, the pulse
 * tracker forgets, the feed holds one value per read.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WallAgency, WallPost, WallReference } from '@/lib/data/wall';
import { buildWallBoards } from '@/lib/domain/wall';
import { FreshTracker } from '@/lib/domain/wall-fresh';
import type { LiveStatus } from '@/lib/realtime/live-view';
import type { TileConfig } from '@/lib/map/tile-config';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveWallIncidents } from '@/lib/realtime/use-live-wall-incidents';
import { useLiveWallFeed } from '@/lib/realtime/use-live-wall-feed';
import { useLiveAgencies } from '@/lib/realtime/use-live-agencies';
import { useLiveAgencyPosts } from '@/lib/realtime/use-live-agency-posts';
import { useLiveActiveUnits } from '@/lib/realtime/use-live-active-units';
import { useLiveUnitPositions } from '@/lib/realtime/use-live-unit-positions';
import { unitsOnMap } from '@/lib/domain/unit-positions';
import { liveOrInitial } from '@/lib/realtime/live-or-initial';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { useViewportFontSize } from '@/components/charts/use-viewport-font-size';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import type { PostAgency } from '@/components/map/post-layer';
import { WallBoard } from '@/components/wall/wall-board';
import { WallClock } from '@/components/wall/wall-clock';
import { WallCounters } from '@/components/wall/wall-counters';
import { WallMapLazy } from '@/components/wall/wall-map-lazy';
import { WallWaitingCalls } from '@/components/wall/wall-waiting-calls';
import { FitArea } from '@/components/major/fit-area';
import { MajorAreaLayer } from '@/components/major/major-area-layer';
import { WallMajorView } from '@/components/major/wall-major-view';
import { newestActiveMajor } from '@/lib/domain/major-incident';
import { useLiveMajorIncidents } from '@/lib/realtime/use-live-major-incidents';

export interface WallScreenProps {
  reference: WallReference;
  tiles: TileConfig;
}

/** How long a new incident pulses on the map. */
const PULSE_MS = 60_000;
const NO_IDS: ReadonlySet<string> = new Set();

export function WallScreen({ reference, tiles }: WallScreenProps) {
  const { t, lang } = useT();
  const [client] = useState(createClient);
  const incidents = useLiveWallIncidents(client);
  const clock = useServerClock(client, incidents.status);
  const nowRef = useRef(clock.nowMs);
  useEffect(() => {
    nowRef.current = clock.nowMs;
  }, [clock.nowMs]);
  const getNow = useCallback(() => nowRef.current, []);
  // Calls in progress, waiting calls and today's counters: leadership reads no call, so the database
  // tells the wall when to read them again (private topic wall:live).
  const feed = useLiveWallFeed(client, getNow);
  const { calls, waiting, counters } = feed;
  // 1.5× the badge: its 12 px text reads as 18 px at 1920 wide, and scales on with the screen.
  const badgeZoom = useViewportFontSize(150 / 1920, 150) / 100;

  const [tracker] = useState(() => new FreshTracker(PULSE_MS));
  const isLive = incidents.status === 'live';
  // Re-evaluated on every change and every 5 s, so a pulse ends on time even when nothing changes.
  const pulseTick = Math.floor(clock.nowMs / 5000) * 5000;
  const freshIds = useMemo(
    () => (isLive ? tracker.observe(incidents.rows.map((r) => r.id), pulseTick) : NO_IDS),
    [incidents.rows, isLive, tracker, pulseTick],
  );

  // Posts an administrator adds, moves or takes off the map change here at once (issue #13).
  const liveAgencies = useLiveAgencies(client);
  const livePosts = useLiveAgencyPosts(client);
  const agencyRows = liveOrInitial<WallAgency>(liveAgencies, reference.agencies);
  const postRows = liveOrInitial<WallPost>(livePosts, reference.posts);
  const agencies = useMemo(
    () => new Map<string, PostAgency>(agencyRows.filter((a) => a.active).map((a) => [a.id, { code: a.code, name: a.name, color: a.color }])),
    [agencyRows],
  );
  const posts = useMemo(() => postRows.filter((p) => p.active && agencies.has(p.agency_id)), [postRows, agencies]);
  const activeUnits = useLiveActiveUnits(client);
  const positions = useLiveUnitPositions(client);
  const units = useMemo(
    () => unitsOnMap(activeUnits.rows, positions.rows, new Map(incidents.rows.map((i) => [i.id, i]))),
    [activeUnits.rows, positions.rows, incidents.rows],
  );
  const boards = useMemo(
    () => buildWallBoards(calls.data?.calls ?? [], calls.data?.total ?? 0, incidents.rows, clock.nowMs, reference.targets),
    [calls.data, incidents.rows, clock.nowMs, reference.targets],
  );

  // A declared major incident takes over the wall until it ends (issue #18 §1).
  const majors = useLiveMajorIncidents(client);
  const major = newestActiveMajor(majors.rows);

  const status: LiveStatus =
    incidents.status !== 'live'
      ? incidents.status
      : feed.status !== 'live'
        ? feed.status
        : calls.status === 'failing' || counters.status === 'failing' || waiting.status === 'failing'
          ? 'reconnecting'
          : 'live';

  return (
    <div
      data-test="wall"
      data-status={status}
      data-layout={major ? 'major' : 'normal'}
      className={`grid h-full ${major ? 'grid-rows-[auto_minmax(0,1fr)]' : 'grid-rows-[auto_minmax(0,1fr)_minmax(0,0.75fr)]'} gap-[0.5vw] p-[0.5vw] text-[clamp(18px,1vw,64px)]`}
    >
      <header className="flex items-center justify-between gap-[1vw]">
        <h1 className="truncate text-[clamp(18px,1.6vw,100px)] font-bold">{t('wall.title')}</h1>
        <span data-test="wall-open-count" data-count={incidents.rows.length} className="text-[clamp(18px,1.1vw,68px)] text-slate-300">
          {t(pluralKey('wall.openIncidents', incidents.rows.length, lang), { count: incidents.rows.length })}
        </span>
        <div className="flex items-center gap-[1vw]">
          {clock.error && <span className="text-[clamp(18px,0.95vw,44px)] text-amber-300">{t('wall.clockError')}</span>}
          <WallClock nowMs={clock.nowMs} />
          {/* The shared badge is sized in px: zoom it with the screen so it stays legible at 4K. */}
          {/* A flex box, not an inline one: an inline box would be as tall as the wall's line height times the zoom. */}
          <span className="flex rounded-full bg-slate-100/90 opacity-80" style={{ zoom: badgeZoom }} data-test="wall-status-pill">
            <ConnectionStatus status={status} />
          </span>
        </div>
      </header>
      {major ? (
        <WallMajorView
          client={client}
          major={major}
          others={majors.rows.length - 1}
          ticketNo={incidents.rows.find((i) => i.id === major.incident_id)?.ticket_no}
          agencies={agencies}
          nowMs={clock.nowMs}
          waiting={<WallWaitingCalls summary={waiting.data} nowMs={clock.nowMs} />}
          map={
            <WallMapLazy tiles={tiles} incidents={incidents.rows} posts={posts} agencies={agencies} freshIds={freshIds} units={units}>
              <MajorAreaLayer majors={majors.rows} large />
              <FitArea area={major.area} />
            </WallMapLazy>
          }
        />
      ) : (
        <>
          <div className="grid min-h-0 grid-cols-[minmax(0,1.9fr)_minmax(0,1fr)] gap-[0.5vw]">
            <div className="min-h-0 overflow-hidden rounded-[0.5vw]" aria-label={t('wall.map.label')}>
              <WallMapLazy tiles={tiles} incidents={incidents.rows} posts={posts} agencies={agencies} freshIds={freshIds} units={units} />
            </div>
            {/* Rows, not a flex column: the counters keep the rest of the height, as the chart needs it. */}
            <div className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)] gap-[0.8vh]">
              <WallWaitingCalls summary={waiting.data} nowMs={clock.nowMs} />
              <WallCounters counters={counters.data} />
            </div>
          </div>
          <div className="grid min-h-0 grid-cols-5 gap-[0.5vw]">
            {boards.map((view) => (
              <WallBoard key={view.board} view={view} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
