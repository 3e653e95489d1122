'use client';
/**
 * Keeps a major incident's area in view (with a margin) on a map that runs by itself, such as the
 * wall: fitted when the area changes and on every resize. Inside a BaseMap (react-leaflet context).
 */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { latLngBounds } from 'leaflet';
import { areaLatLngs, readArea } from '@/lib/domain/area';

export function FitArea({ area }: { area: unknown }) {
  const map = useMap();
  const key = JSON.stringify(area);
  useEffect(() => {
    const valid = readArea(JSON.parse(key));
    if (!valid) return;
    const bounds = latLngBounds(areaLatLngs(valid));
    // Twice the area's size around it: the posts sending help stay on screen.
    const fit = () => map.fitBounds(bounds.pad(0.6), { animate: false });
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [map, key]);
  return null;
}
