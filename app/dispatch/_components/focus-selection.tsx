'use client';
/**
 * When the supervisor selects an incident, the map zooms to it and the nearest posts of the
 * agencies it calls for, so those posts are far enough apart to click. Render it with
 * `key={incidentId}`: it focuses once per selection, and live updates of the same incident do not
 * move the map under the supervisor's hand.
 */
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { latLngBounds } from 'leaflet';

export function FocusSelection({ points }: { points: ReadonlyArray<[number, number]> }) {
  const map = useMap();
  const [initial] = useState(points);
  useEffect(() => {
    if (initial.length === 0) return;
    map.fitBounds(latLngBounds(initial.map(([lat, lng]) => [lat, lng] as [number, number])), { padding: [40, 40], maxZoom: 15, animate: false });
  }, [map, initial]);
  return null;
}
