'use client';
/**
 * The map every screen builds on: Kota Cilegon fitted, tiles from the configured server, and under
 * them the offline coastline so the map stays readable (land, sea, markers) when no tile loads.
 * Leaflet touches `window`: import this through `LazyBaseMap` (no server rendering).
 */
import 'leaflet/dist/leaflet.css';
import './markers.css';
import { useEffect, useState, type ReactNode } from 'react';
import { GeoJSON, MapContainer, Pane, TileLayer, useMapEvents } from 'react-leaflet';
import type { FeatureCollection } from 'geojson';
import type { LatLngBoundsExpression } from 'leaflet';
import { CITY_BOUNDS } from '@/lib/domain/city';
import type { LatLng } from '@/lib/domain/geo';
import type { TileConfig } from '@/lib/map/tile-config';
import { HazardLayer } from './hazard-layer';

export interface BaseMapProps {
  tiles: TileConfig;
  children?: ReactNode;
  /** Called with the clicked point, e.g. to pick an incident's location. */
  onPick?: (point: LatLng) => void;
  bounds?: LatLngBoundsExpression;
  dark?: boolean;
  className?: string;
  /** Data attribute for tests. */
  testId?: string;
}

const cityBounds: LatLngBoundsExpression = [
  [CITY_BOUNDS.south, CITY_BOUNDS.west],
  [CITY_BOUNDS.north, CITY_BOUNDS.east],
];

export function BaseMap({ tiles, children, onPick, bounds, dark = false, className, testId }: BaseMapProps) {
  const land = useOfflineLand();
  return (
    <div className={className} data-test={testId} style={{ background: dark ? '#0b1e33' : '#a9cfe8' }}>
      <MapContainer bounds={bounds ?? cityBounds} style={{ height: '100%', width: '100%', background: 'transparent' }}>
        {/* Leaflet's tile pane sits at z-index 200: the coastline goes below it, visible only where tiles are missing. */}
        <Pane name="offline-land" style={{ zIndex: 150 }}>
          {land && (
            <GeoJSON
              data={land}
              interactive={false}
              style={{ color: dark ? '#3b556f' : '#8a9a7b', weight: 1, fillColor: dark ? '#1c2c3c' : '#eef0e2', fillOpacity: 1 }}
            />
          )}
        </Pane>
        {tiles.url && <TileLayer url={tiles.url} attribution={tiles.attribution} opacity={dark ? 0.55 : 1} />}
        <HazardLayer dark={dark} />
        {onPick && <PickHandler onPick={onPick} />}
        {children}
      </MapContainer>
    </div>
  );
}

function PickHandler({ onPick }: { onPick: (point: LatLng) => void }) {
  useMapEvents({ click: (e) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

function useOfflineLand(): FeatureCollection | null {
  const [land, setLand] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let alive = true;
    fetch('/basemap/cilegon-land.geo.json')
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
      .then((data) => alive && setLand(data))
      // Without the coastline the map still works on tiles and markers; nothing to tell the user.
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return land;
}
