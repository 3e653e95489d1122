'use client';
/**
 * The hazard and vital-objects layer on every map (issue #18 §2): industrial sites, the power plant,
 * flood-prone kelurahan and the tsunami zone as outlined areas with an icon and label, and ports,
 * toll gates, hospitals and schools as icons. Nothing here takes clicks, so picking a location on the
 * operator's map and selecting incidents work through it. Groups toggle per user (HazardLayerControl).
 */
import { useState } from 'react';
import { Marker, Pane, Polygon, useMapEvents } from 'react-leaflet';
import { GROUP_OF_KIND, type Hazard } from '@/lib/domain/hazards';
import { HAZARDS } from '@/lib/domain/hazard-catalog';
import { HAZARD_STYLES } from './hazard-symbols';
import { hazardIcon } from './hazard-icons';
import { HazardLayerControl } from './hazard-layer-control';
import { useHazardToggles } from './use-hazard-toggles';

/**
 * Labels of industry, the power plant and the tsunami zone from the city-wide view on; the seven
 * flood-prone kelurahan crowd that view (their dashed outline and icon say enough), so they and
 * the point features get labels only once zoomed in.
 */
const AREA_LABEL_ZOOM = 11;
const FLOOD_LABEL_ZOOM = 13;
const POINT_LABEL_ZOOM = 14;

function labelZoom(h: Hazard): number {
  if (h.shape.type === 'point') return POINT_LABEL_ZOOM;
  return h.kind === 'flood_prone_kelurahan' ? FLOOD_LABEL_ZOOM : AREA_LABEL_ZOOM;
}

export function HazardLayer({ dark = false }: { dark?: boolean }) {
  const { toggles, ready, setGroup } = useHazardToggles();
  const [zoom, setZoom] = useState<number | null>(null);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const z = zoom ?? map.getZoom();
  const shown = HAZARDS.filter((h) => toggles[GROUP_OF_KIND[h.kind]]);
  return (
    <>
      {/* Above the tiles (200) and the offline coastline, below incidents and posts (markers, 600). */}
      <Pane name="hazard-areas" style={{ zIndex: 350 }}>
        {shown.map((h) => {
          if (h.shape.type !== 'area') return null;
          const style = HAZARD_STYLES[h.kind];
          return (
            <Polygon
              key={h.id}
              positions={h.shape.ring.map((p) => [p.lat, p.lng] as [number, number])}
              interactive={false}
              // Leaflet reads className only when it creates the path, not from later style updates.
              className={`hazard-area hazard-area--${h.kind}`}
              pathOptions={{
                color: style.color,
                weight: 2,
                opacity: dark ? 0.9 : 1,
                dashArray: style.dashArray,
                fillColor: style.color,
                fillOpacity: dark ? style.fillOpacity * 1.3 : style.fillOpacity,
              }}
            />
          );
        })}
      </Pane>
      <Pane name="hazard-markers" style={{ zIndex: 450 }}>
        {shown.map((h) => (
          <Marker
            key={h.id}
            pane="hazard-markers"
            position={[h.anchor.lat, h.anchor.lng]}
            interactive={false}
            keyboard={false}
            icon={hazardIcon(h, { label: z >= labelZoom(h), dark, size: h.shape.type === 'area' ? 18 : 16 })}
          />
        ))}
      </Pane>
      <HazardLayerControl toggles={toggles} ready={ready} dark={dark} onChange={setGroup} />
    </>
  );
}
