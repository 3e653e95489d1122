'use client';
/**
 * A react-leaflet Marker whose DOM element carries data attributes, so tests and assistive tools
 * can find a marker by what it shows. Leaflet reuses a div-icon's element when the icon changes,
 * so the attributes survive status changes.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Marker } from 'react-leaflet';
import type { DivIcon, LeafletEventHandlerFnMap, Marker as LeafletMarker } from 'leaflet';

export interface TaggedMarkerProps {
  position: [number, number];
  icon: DivIcon;
  /** data-* attributes without the `data-` prefix, e.g. `{ test: 'post-marker', 'post-id': id }`. */
  data: Record<string, string>;
  title?: string;
  opacity?: number;
  zIndexOffset?: number;
  eventHandlers?: LeafletEventHandlerFnMap;
  /** The admin's post map moves posts by dragging their markers. */
  draggable?: boolean;
  children?: ReactNode;
}

export function TaggedMarker({ position, icon, data, title, opacity, zIndexOffset, eventHandlers, draggable, children }: TaggedMarkerProps) {
  const ref = useRef<LeafletMarker>(null);
  const dataJson = JSON.stringify(data);
  useEffect(() => {
    const element = ref.current?.getElement();
    if (!element) return;
    for (const [k, v] of Object.entries(JSON.parse(dataJson) as Record<string, string>)) element.setAttribute(`data-${k}`, v);
    if (title) element.setAttribute('aria-label', title);
  }, [dataJson, title, icon]);
  return (
    <Marker ref={ref} position={position} icon={icon} opacity={opacity} zIndexOffset={zIndexOffset} eventHandlers={eventHandlers} draggable={draggable} keyboard>
      {children}
    </Marker>
  );
}
