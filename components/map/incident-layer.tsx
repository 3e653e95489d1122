'use client';
/**
 * Open incidents on a react-leaflet map: colour by status, glyph by category, clustered when many,
 * new ones pulsing. The selected incident is never hidden in a cluster. Used by the dispatch map
 * and reusable by the wall display (pass no onSelect for a read-only layer).
 */
import { useMemo } from 'react';
import { Tooltip } from 'react-leaflet';
import { incidentIcon } from './marker-icons';
import { ClusteredMarkers } from './clustered-markers';
import type { LatLng } from '@/lib/domain/geo';
import { TaggedMarker } from './incident-layer-marker';

export interface IncidentPoint extends LatLng {
  id: string;
  status: string;
  category: string;
  ticket_no: string;
}

export interface IncidentLayerProps<P extends IncidentPoint> {
  incidents: readonly P[];
  selectedId?: string | null;
  freshIds?: ReadonlySet<string>;
  onSelect?: (id: string) => void;
  /** Tooltip text of an incident; the ticket number by default. */
  label?: (incident: P) => string;
  clusterLabel?: (count: number) => string;
  /** Marker diameter in px (the selected one is 10 px larger); the wall passes a size for its viewport. */
  markerSize?: number;
}

export function IncidentLayer<P extends IncidentPoint>({ incidents, selectedId, freshIds, onSelect, label, clusterLabel, markerSize = 30 }: IncidentLayerProps<P>) {
  const selected = incidents.find((i) => i.id === selectedId);
  const others = useMemo(() => incidents.filter((i) => i.id !== selectedId), [incidents, selectedId]);
  const render = (incident: P, isSelected = false) => (
    <TaggedMarker
      key={incident.id}
      position={[incident.lat, incident.lng]}
      icon={incidentIcon(incident.status, incident.category, { pulse: freshIds?.has(incident.id), size: isSelected ? markerSize + 10 : markerSize })}
      data={{ test: 'incident-marker', 'incident-id': incident.id, status: incident.status, selected: String(isSelected) }}
      title={label ? label(incident) : incident.ticket_no}
      zIndexOffset={isSelected ? 1000 : 0}
      eventHandlers={onSelect ? { click: () => onSelect(incident.id) } : undefined}
    >
      <Tooltip direction="top" offset={[0, -14]}>
        {label ? label(incident) : incident.ticket_no}
      </Tooltip>
    </TaggedMarker>
  );
  return (
    <>
      <ClusteredMarkers points={others} renderPoint={(p) => render(p)} clusterLabel={clusterLabel} />
      {selected && render(selected, true)}
    </>
  );
}
