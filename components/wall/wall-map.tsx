'use client';
/**
 * The wall's live map: open incidents (status colour, category glyph, new ones pulsing, clustered
 * when many) and agency posts, over the dark base map fitted to the city. It refits when the window
 * changes size, so a 4K screen shows the same city as a full-HD one. Browser only (WallMapLazy).
 */
import { memo, useEffect, type ReactNode } from 'react';
import { useMap } from 'react-leaflet';
import { BaseMap } from '@/components/map/base-map';
import { IncidentLayer } from '@/components/map/incident-layer';
import { PostLayer, type PostAgency } from '@/components/map/post-layer';
import { UnitLayer } from '@/components/map/unit-layer';
import { etaMinutes } from '@/lib/domain/eta';
import type { UnitOnMap } from '@/lib/domain/unit-positions';
import { CITY_BOUNDS } from '@/lib/domain/city';
import type { TileConfig } from '@/lib/map/tile-config';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import type { WallPost } from '@/lib/data/wall';
import type { WallIncidentRow } from '@/lib/realtime/use-live-wall-incidents';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { useViewportFontSize } from '@/components/charts/use-viewport-font-size';
import './wall-map.css';

export interface WallMapProps {
  tiles: TileConfig;
  incidents: readonly WallIncidentRow[];
  posts: readonly WallPost[];
  agencies: ReadonlyMap<string, PostAgency>;
  freshIds: ReadonlySet<string>;
  /** Further layers (a major incident's area). */
  children?: ReactNode;
  /** Units en route or on scene whose liaison shares its location. */
  units: readonly UnitOnMap[];
}

function FitCity() {
  const map = useMap();
  useEffect(() => {
    // Whole zoom steps leave the city small on a wide screen; quarter steps fill it.
    Object.assign(map.options, { zoomSnap: 0.25 });
    const fit = () => {
      map.invalidateSize();
      map.fitBounds(
        [
          [CITY_BOUNDS.south, CITY_BOUNDS.west],
          [CITY_BOUNDS.north, CITY_BOUNDS.east],
        ],
        { animate: false },
      );
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [map]);
  return null;
}

// Memoised: the wall renders every second for its clocks; the map changes only with its props.
export const WallMap = memo(function WallMap({ tiles, incidents, posts, agencies, freshIds, units, children }: WallMapProps) {
  const { t, lang } = useT();
  // About 30 px at 1920 wide and 60 px at 3840: the same share of the screen.
  const markerSize = useViewportFontSize(0.0157, 24);
  // 16 px posts at 1920 wide, 32 px at 3840.
  const postSize = useViewportFontSize(16 / 1920, 16);
  return (
    <BaseMap tiles={tiles} dark className="wall-map h-full w-full" testId="wall-map">
      <FitCity />
      <PostLayer posts={posts} agencies={agencies} size={postSize} />
      <UnitLayer
        units={units}
        agencies={agencies}
        size={postSize + 4}
        label={(u, agency) =>
          u.status === 'on_scene'
            ? t('wall.unit.onScene', { agency: agency?.code ?? '?' })
            : t('wall.unit.enRoute', { agency: agency?.code ?? '?', minutes: etaMinutes(u.etaSeconds) })
        }
      />
      <IncidentLayer
        incidents={incidents}
        freshIds={freshIds}
        markerSize={markerSize}
        label={(i) => `${i.ticket_no} · ${t(`dispatch.category.${i.category}` as MessageKey)}`}
        clusterLabel={(count) => t(pluralKey('wall.map.cluster', count, lang), { count })}
      />
      {children}
    </BaseMap>
  );
});
