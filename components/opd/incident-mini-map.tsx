'use client';
/**
 * A small map of the scene for a phone: the shared base map zoomed around the incident with its
 * marker. Leaflet needs `window`: load it through LazyIncidentMiniMap.
 */
import { Marker } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';
import { BaseMap } from '@/components/map/base-map';
import { incidentIcon } from '@/components/map/marker-icons';
import type { TileConfig } from '@/lib/map/tile-config';

/** About 450 m either side: streets readable on a 360 px screen. */
const SPAN_DEG = 0.004;

export function IncidentMiniMap({ lat, lng, status, category, tiles }: { lat: number; lng: number; status: string; category: string; tiles: TileConfig }) {
  const bounds: LatLngBoundsExpression = [
    [lat - SPAN_DEG, lng - SPAN_DEG],
    [lat + SPAN_DEG, lng + SPAN_DEG],
  ];
  return (
    <BaseMap tiles={tiles} bounds={bounds} className="h-48 w-full overflow-hidden rounded-lg border border-slate-200" testId="incident-mini-map">
      <Marker position={[lat, lng]} icon={incidentIcon(status, category)} />
    </BaseMap>
  );
}
