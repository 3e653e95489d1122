'use client';
/**
 * The area a supervisor is drawing for a major incident: each map click sets the circle's centre or
 * adds a polygon corner; the draft is shown as it will be stored (the circle's 48 corners, or the
 * clicked corners closed). Inside a BaseMap (react-leaflet context).
 */
import './major-area.css';
import { CircleMarker, Polygon, Polyline, useMapEvents } from 'react-leaflet';
import { areaLatLngs, type AreaPolygon } from '@/lib/domain/area';
import type { LatLng } from '@/lib/domain/geo';

export interface AreaDrawLayerProps {
  /** The shape that clicks build. */
  shape: 'circle' | 'polygon';
  centre: LatLng | null;
  corners: readonly LatLng[];
  /** The valid area of the draft, null while it is not one yet. */
  area: AreaPolygon | null;
  onClick: (point: LatLng) => void;
}

export function AreaDrawLayer({ shape, centre, corners, area, onClick }: AreaDrawLayerProps) {
  useMapEvents({ click: (e) => onClick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  const style = { color: '#7c3aed', weight: 3, dashArray: '4 4', fillColor: '#a78bfa', fillOpacity: 0.2 };
  return (
    <>
      {area && <Polygon positions={areaLatLngs(area)} pathOptions={style} interactive={false} />}
      {shape === 'polygon' && !area && corners.length > 1 && (
        <Polyline positions={corners.map((c) => [c.lat, c.lng] as [number, number])} pathOptions={style} interactive={false} />
      )}
      {shape === 'polygon' &&
        corners.map((c, i) => (
          <CircleMarker key={i} center={[c.lat, c.lng]} radius={5} interactive={false} pathOptions={{ color: '#7c3aed', fillColor: '#fff', fillOpacity: 1, weight: 3 }} />
        ))}
      {shape === 'circle' && centre && (
        <CircleMarker center={[centre.lat, centre.lng]} radius={5} interactive={false} pathOptions={{ color: '#7c3aed', fillColor: '#fff', fillOpacity: 1, weight: 3 }} />
      )}
    </>
  );
}
