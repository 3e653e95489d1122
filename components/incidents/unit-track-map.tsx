'use client';
/**
 * The tracks of an incident's units (issue #18 §3): each assignment's reported positions as a line
 * in its agency's colour, from where the unit set off to the scene, around the incident's marker.
 * Leaflet needs `window`: load it through LazyUnitTrackMap.
 */
import { Marker, Polyline, Tooltip } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';
import { BaseMap } from '@/components/map/base-map';
import { incidentIcon } from '@/components/map/marker-icons';
import type { TileConfig } from '@/lib/map/tile-config';
import type { LatLng } from '@/lib/domain/geo';

export interface UnitTrack {
  assignmentId: string;
  label: string;
  color: string;
  points: readonly LatLng[];
}

/** Room around the track and the incident, in degrees (about 200 m). */
const PAD_DEG = 0.002;

export function UnitTrackMap({ incident, tracks, tiles }: { incident: LatLng & { status: string; category: string }; tracks: readonly UnitTrack[]; tiles: TileConfig }) {
  const all = [incident, ...tracks.flatMap((t) => t.points)];
  const bounds: LatLngBoundsExpression = [
    [Math.min(...all.map((p) => p.lat)) - PAD_DEG, Math.min(...all.map((p) => p.lng)) - PAD_DEG],
    [Math.max(...all.map((p) => p.lat)) + PAD_DEG, Math.max(...all.map((p) => p.lng)) + PAD_DEG],
  ];
  return (
    <BaseMap tiles={tiles} bounds={bounds} className="h-72 w-full overflow-hidden rounded-lg border border-slate-200" testId="unit-track-map">
      {tracks.map((t) => (
        <Polyline key={t.assignmentId} positions={t.points.map((p) => [p.lat, p.lng] as [number, number])} pathOptions={{ color: t.color, weight: 4, opacity: 0.9 }}>
          <Tooltip sticky>{t.label}</Tooltip>
        </Polyline>
      ))}
      <Marker position={[incident.lat, incident.lng]} icon={incidentIcon(incident.status, incident.category)} />
    </BaseMap>
  );
}
