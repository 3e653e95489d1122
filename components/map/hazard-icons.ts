/**
 * Leaflet div-icons of the hazard layer: the kind's icon on a square of its colour, with the short
 * label beside it when the map is zoomed in enough to have room. The data attributes let tests and
 * assistive tools find a feature by kind.
 */
import L from 'leaflet';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Hazard } from '@/lib/domain/hazards';
import { HAZARD_STYLES } from './hazard-symbols';

const cache = new Map<string, L.DivIcon>();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function hazardIcon(hazard: Hazard, opts: { label: boolean; dark: boolean; size: number }): L.DivIcon {
  const key = `${hazard.id}|${opts.label ? 1 : 0}|${opts.dark ? 1 : 0}|${opts.size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const style = HAZARD_STYLES[hazard.kind];
  const size = opts.size;
  const glyph = renderToStaticMarkup(createElement(style.icon, { size: Math.round(size * 0.7), color: '#fff', strokeWidth: 2.25, 'aria-hidden': true, focusable: false }));
  const labelColours = opts.dark ? 'background:rgba(15,23,42,.85);color:#e2e8f0;border-color:#475569' : 'background:rgba(255,255,255,.9);color:#0f172a;border-color:#94a3b8';
  const label = opts.label
    ? `<span class="hazard-marker__label" style="${labelColours}">${escapeHtml(hazard.label)}</span>`
    : '';
  const icon = L.divIcon({
    className: 'hazard-marker',
    html: `<span class="hazard-marker__body" data-test="hazard-marker" data-kind="${hazard.kind}" data-hazard-id="${hazard.id}" title="${escapeHtml(hazard.name)}"><span class="hazard-marker__icon" style="width:${size}px;height:${size}px;background:${style.color}">${glyph}</span>${label}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  cache.set(key, icon);
  return icon;
}
