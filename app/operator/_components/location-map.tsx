'use client';
/**
 * The emergency's location on the shared base map: a click places the pin, open incidents show
 * with their status colour, and those near the pin (repeat-caller candidates) are drawn larger.
 * `focus` centres the map (a kecamatan chosen, a place found): each new focus moves it once, so the
 * operator can still pan away afterwards. Leaflet needs `window`: load it through LazyLocationMap.
 */
import { useEffect } from 'react';
import L from 'leaflet';
import { Marker, Tooltip, useMap } from 'react-leaflet';
import { BaseMap } from '@/components/map/base-map';
import { incidentIcon } from '@/components/map/marker-icons';
import type { LatLng } from '@/lib/domain/geo';
import type { TileConfig } from '@/lib/map/tile-config';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';

const pinIcon = L.divIcon({
  className: 'operator-pin',
  html: '<span style="display:block;width:22px;height:22px;border-radius:50% 50% 50% 0;transform:rotate(-45deg);background:#0f172a;border:3px solid #facc15;box-shadow:0 1px 4px rgba(0,0,0,.6)"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
});

/** Where to centre the map; `seq` makes the same place chosen twice move the map again. */
export interface MapFocus {
  point: LatLng;
  zoom: number;
  seq: number;
}

export interface LocationMapProps {
  tiles: TileConfig;
  point: LatLng | null;
  focus?: MapFocus | null;
  incidents: readonly OperatorIncidentRow[];
  nearbyIds: ReadonlySet<string>;
  onPick: (point: LatLng) => void;
}

export function LocationMap({ tiles, point, focus = null, incidents, nearbyIds, onPick }: LocationMapProps) {
  return (
    <BaseMap
      tiles={tiles}
      testId="location-map"
      className="h-72 w-full overflow-hidden rounded-md border border-slate-300 lg:h-96"
      onPick={onPick}
    >
      {incidents.map((i) => (
        <Marker
          key={i.id}
          position={[i.lat, i.lng]}
          icon={incidentIcon(i.status, i.category, { size: nearbyIds.has(i.id) ? 34 : 22, pulse: nearbyIds.has(i.id) })}
          // A click on an incident still picks that spot: the caller is often at a place already reported.
          bubblingMouseEvents
        >
          <Tooltip>{i.ticket_no}</Tooltip>
        </Marker>
      ))}
      {point && <Marker position={[point.lat, point.lng]} icon={pinIcon} interactive={false} />}
      <FocusOn focus={focus} />
    </BaseMap>
  );
}

function FocusOn({ focus }: { focus: MapFocus | null }) {
  const map = useMap();
  useEffect(() => {
    if (!focus) return;
    map.setView([focus.point.lat, focus.point.lng], focus.zoom);
    // The centre asked for, readable by tests and by anyone inspecting a map without tiles.
    map.getContainer().dataset.focus = `${focus.point.lat.toFixed(6)},${focus.point.lng.toFixed(6)}`;
  }, [map, focus]);
  return null;
}
