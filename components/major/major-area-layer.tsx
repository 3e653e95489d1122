'use client';
/**
 * The areas of the active major incidents on a map: a red outline with a light wash and the title as
 * a label that stays open, so the area reads at a glance on the dispatch map and across the room on
 * the wall. Inside a BaseMap (react-leaflet context).
 */
import './major-area.css';
import { useEffect, useRef } from 'react';
import { Polygon, Tooltip } from 'react-leaflet';
import type { Polygon as LeafletPolygon } from 'leaflet';
import { areaLatLngs, readArea } from '@/lib/domain/area';

export interface MajorAreaItem {
  id: string;
  title: string;
  area: unknown;
  version: number;
}

export function MajorAreaLayer({ majors, large = false }: { majors: readonly MajorAreaItem[]; large?: boolean }) {
  return (
    <>
      {majors.map((m) => (
        <MajorArea key={m.id} major={m} large={large} />
      ))}
    </>
  );
}

function MajorArea({ major, large }: { major: MajorAreaItem; large: boolean }) {
  const ref = useRef<LeafletPolygon>(null);
  const area = readArea(major.area);
  useEffect(() => {
    const element = ref.current?.getElement();
    if (!element) return;
    element.setAttribute('data-test', 'major-area');
    element.setAttribute('data-major-id', major.id);
    element.setAttribute('data-version', String(major.version));
  }, [major.id, major.version, area]);
  if (!area) return null;
  return (
    <Polygon
      ref={ref}
      positions={areaLatLngs(area)}
      interactive={false}
      pathOptions={{ color: '#dc2626', weight: large ? 5 : 3, dashArray: '10 6', fillColor: '#ef4444', fillOpacity: 0.15 }}
    >
      <Tooltip permanent direction="center" className={large ? 'major-area-label major-area-label-large' : 'major-area-label'}>
        <span data-test="major-area-label">{major.title}</span>
      </Tooltip>
    </Polygon>
  );
}
