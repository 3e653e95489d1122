'use client';
/**
 * Keeps a react-leaflet map in step with its container: the dispatch layout sizes the map after
 * Leaflet has measured it (flex layout, lazy loading), so the first fit is made on the wrong size.
 * This re-measures on every resize and fits the given bounds again until the user moves the map.
 */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { LatLngBoundsExpression } from 'leaflet';

export function FitMapToContainer({ bounds }: { bounds: LatLngBoundsExpression }) {
  const map = useMap();
  useEffect(() => {
    let userMoved = false;
    const onUserMove = () => {
      userMoved = true;
    };
    map.on('dragstart zoomstart', onUserMove);
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ animate: false });
      if (!userMoved) {
        map.off('zoomstart', onUserMove);
        map.fitBounds(bounds, { animate: false });
        map.on('zoomstart', onUserMove);
      }
    });
    observer.observe(map.getContainer());
    return () => {
      observer.disconnect();
      map.off('dragstart zoomstart', onUserMove);
    };
  }, [map, bounds]);
  return null;
}
