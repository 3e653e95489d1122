'use client';
/**
 * Units on their way (issue #18 §3): each assignment en route or on scene whose liaison shares the
 * phone's location, drawn in its agency's colour where it last reported, with a dashed straight
 * line to its incident and the straight-line ETA in its tooltip.
 */
import { Fragment } from 'react';
import L from 'leaflet';
import { Polyline, Tooltip } from 'react-leaflet';
import { etaMinutes } from '@/lib/domain/eta';
import type { UnitOnMap } from '@/lib/domain/unit-positions';
import { TaggedMarker } from './incident-layer-marker';

export interface UnitAgency {
  code: string;
  color: string | null;
}

export interface UnitLayerProps {
  units: readonly UnitOnMap[];
  agencies: ReadonlyMap<string, UnitAgency>;
  /** Tooltip text of one unit (the screen words it in its language). */
  label: (unit: UnitOnMap, agency: UnitAgency | undefined) => string;
  size?: number;
}

const icons = new Map<string, L.DivIcon>();

function unitIcon(color: string, size: number): L.DivIcon {
  const key = `${color}|${size}`;
  const cached = icons.get(key);
  if (cached) return cached;
  // A diamond, unlike the round incidents and square posts, so a moving unit reads as neither.
  const icon = L.divIcon({
    className: 'unit-marker',
    html: `<span style="display:block;width:${size}px;height:${size}px;transform:rotate(45deg);background:${color};border:3px solid #fff;box-shadow:0 0 0 2px ${color},0 1px 4px rgba(0,0,0,.6)"></span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  icons.set(key, icon);
  return icon;
}

export function UnitLayer({ units, agencies, label, size = 18 }: UnitLayerProps) {
  return (
    <>
      {units.map((unit) => {
        const agency = agencies.get(unit.agencyId);
        const color = agency?.color ?? '#0f172a';
        const text = label(unit, agency);
        return (
          <Fragment key={unit.assignmentId}>
            <Polyline
              positions={[
                [unit.lat, unit.lng],
                [unit.target.lat, unit.target.lng],
              ]}
              pathOptions={{ color, weight: 2, dashArray: '6 6', opacity: 0.8 }}
              interactive={false}
            />
            <TaggedMarker
              position={[unit.lat, unit.lng]}
              icon={unitIcon(color, size)}
              zIndexOffset={800}
              title={text}
              data={{
                test: 'unit-marker',
                'assignment-id': unit.assignmentId,
                'incident-id': unit.incidentId,
                'agency-id': unit.agencyId,
                status: unit.status,
                seq: String(unit.seq),
                lat: unit.lat.toFixed(6),
                lng: unit.lng.toFixed(6),
                'distance-m': String(Math.round(unit.distanceMetres)),
                'eta-seconds': String(Math.round(unit.etaSeconds)),
                'eta-minutes': String(unit.status === 'on_scene' ? 0 : etaMinutes(unit.etaSeconds)),
              }}
            >
              <Tooltip direction="top" offset={[0, -12]} permanent>
                {text}
              </Tooltip>
            </TaggedMarker>
          </Fragment>
        );
      })}
    </>
  );
}
