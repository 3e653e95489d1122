'use client';
/**
 * The dispatch map: the shared base map with open incidents (clustered) and agency posts. Loaded in
 * the browser only, through DispatchMapLazy (Leaflet touches `window`).
 */
import type { ReactNode } from 'react';
import type { LatLngBoundsExpression } from 'leaflet';
import { BaseMap } from '@/components/map/base-map';
import { IncidentLayer } from '@/components/map/incident-layer';
import { PostLayer } from '@/components/map/post-layer';
import { UnitLayer } from '@/components/map/unit-layer';
import type { Agency, AgencyPost, Incident } from '@/lib/data/dispatch';
import type { TileConfig } from '@/lib/map/tile-config';
import { CITY_BOUNDS } from '@/lib/domain/city';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import type { RunCard } from '@/lib/domain/dispatch-agencies';
import { rankPostsForIncident } from '@/lib/domain/post-ranking';
import { etaMinutes } from '@/lib/domain/eta';
import type { UnitOnMap } from '@/lib/domain/unit-positions';
import { formatNumber, formatTime } from '@/lib/i18n/format';
import { FitMapToContainer } from './fit-map-to-container';
import { FocusSelection } from './focus-selection';

const CITY: LatLngBoundsExpression = [
  [CITY_BOUNDS.south, CITY_BOUNDS.west],
  [CITY_BOUNDS.north, CITY_BOUNDS.east],
];

export interface DispatchMapProps {
  tiles: TileConfig;
  incidents: readonly Incident[];
  posts: readonly AgencyPost[];
  agencies: ReadonlyMap<string, Agency>;
  runCard: RunCard | undefined;
  selectedId: string | null;
  freshIds: ReadonlySet<string>;
  highlightAgencyIds: ReadonlySet<string> | null;
  assignedAgencyIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onPostClick: (post: AgencyPost) => void;
  /** Further layers (the major incidents' areas). */
  children?: ReactNode;
  /** Units en route or on scene whose liaison shares its location. */
  units: readonly UnitOnMap[];
}

/** How many of the top-ranked posts the map keeps in view around a selected incident. */
const FOCUS_POSTS = 3;

export function DispatchMap(props: DispatchMapProps) {
  const { t, lang } = useT();
  const selected = props.incidents.find((i) => i.id === props.selectedId);
  const focus: Array<[number, number]> = [];
  if (selected) {
    focus.push([selected.lat, selected.lng]);
    const ranked = rankPostsForIncident(selected, props.posts, props.agencies, props.runCard).filter((r) => r.role !== null);
    for (const r of ranked.slice(0, FOCUS_POSTS)) focus.push([r.post.lat, r.post.lng]);
  }
  return (
    <BaseMap tiles={props.tiles} className="h-full w-full" testId="dispatch-map">
      <FitMapToContainer bounds={CITY} />
      {selected && <FocusSelection key={selected.id} points={focus} />}
      <PostLayer
        posts={props.posts}
        agencies={props.agencies}
        highlightAgencyIds={props.highlightAgencyIds}
        assignedAgencyIds={props.assignedAgencyIds}
        onPostClick={props.onPostClick}
      />
      <UnitLayer
        units={props.units}
        agencies={props.agencies}
        label={(u, agency) =>
          u.status === 'on_scene'
            ? t('dispatch.unit.onScene', { agency: agency?.code ?? '?', time: formatTime(u.recordedAt) })
            : t('dispatch.unit.enRoute', {
                agency: agency?.code ?? '?',
                minutes: etaMinutes(u.etaSeconds),
                km: formatNumber(u.distanceMetres / 1000, lang, { fractionDigits: 1 }),
                time: formatTime(u.recordedAt),
              })
        }
      />
      <IncidentLayer
        incidents={props.incidents}
        selectedId={props.selectedId}
        freshIds={props.freshIds}
        onSelect={props.onSelect}
        label={(i) => `${i.ticket_no} · ${t(`dispatch.category.${i.category}`)}`}
        clusterLabel={(count) => t(pluralKey('dispatch.map.cluster', count, lang), { count })}
      />
      {props.children}
    </BaseMap>
  );
}
