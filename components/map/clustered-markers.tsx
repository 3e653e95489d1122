'use client';
/**
 * Clusters many points with supercluster for the current view: a cluster shows its count and zooms
 * in on click; single points are drawn by the caller. Recomputed when the map moves or the points
 * change. Render inside a react-leaflet map.
 */
import { useMemo, useState, type ReactNode } from 'react';
import Supercluster from 'supercluster';
import L from 'leaflet';
import { useMap, useMapEvents } from 'react-leaflet';
import type { LatLng } from '@/lib/domain/geo';
import { TaggedMarker } from './incident-layer-marker';

export interface ClusterablePoint extends LatLng {
  id: string;
}

export interface ClusteredMarkersProps<P extends ClusterablePoint> {
  points: readonly P[];
  renderPoint: (point: P) => ReactNode;
  /** Pixel radius within which points merge (supercluster's `radius`). */
  radius?: number;
  /** Above this zoom nothing is clustered. */
  maxZoom?: number;
  /** Label of a cluster, e.g. "12 insiden". */
  clusterLabel?: (count: number) => string;
}

type View = { bbox: [number, number, number, number]; zoom: number };

function viewOf(map: L.Map): View {
  const b = map.getBounds();
  return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: Math.round(map.getZoom()) };
}

const clusterIcons = new Map<number, L.DivIcon>();
function clusterIcon(count: number): L.DivIcon {
  const cached = clusterIcons.get(count);
  if (cached) return cached;
  const size = count < 10 ? 32 : count < 100 ? 38 : 46;
  const icon = L.divIcon({
    className: 'incident-cluster',
    html: `<span style="display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px;border-radius:50%;background:rgba(15,23,42,.85);color:#fff;font:600 13px system-ui;border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5)">${count}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  clusterIcons.set(count, icon);
  return icon;
}

export function ClusteredMarkers<P extends ClusterablePoint>({ points, renderPoint, radius = 60, maxZoom = 15, clusterLabel }: ClusteredMarkersProps<P>) {
  const map = useMap();
  const [view, setView] = useState<View>(() => viewOf(map));
  useMapEvents({ moveend: () => setView(viewOf(map)), zoomend: () => setView(viewOf(map)) });

  const index = useMemo(() => {
    const sc = new Supercluster<{ index: number }>({ radius, maxZoom });
    sc.load(points.map((p, i) => ({ type: 'Feature', properties: { index: i }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })));
    return sc;
  }, [points, radius, maxZoom]);

  const features = useMemo(() => index.getClusters(view.bbox, view.zoom), [index, view]);

  return (
    <>
      {features.map((f) => {
        const [lng, lat] = f.geometry.coordinates;
        if ('cluster' in f.properties && f.properties.cluster) {
          const clusterId = f.properties.cluster_id;
          const count = f.properties.point_count;
          return (
            <TaggedMarker
              key={`cluster-${clusterId}`}
              position={[lat, lng]}
              icon={clusterIcon(count)}
              data={{ test: 'incident-cluster', count: String(count) }}
              title={clusterLabel?.(count)}
              eventHandlers={{ click: () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), maxZoom + 1)) }}
            />
          );
        }
        return renderPoint(points[(f.properties as { index: number }).index]);
      })}
    </>
  );
}
