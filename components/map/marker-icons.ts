/**
 * Leaflet div-icons for incidents and agency posts: colour says status, icon says category, so a
 * supervisor reads the map without opening popups. Plain HTML icons avoid Leaflet's image-path
 * problems with bundlers.
 */
import L from 'leaflet';
import { STATUS_COLOURS } from './incident-layer-symbols';
import { categoryIconMarkup } from './category-icon-markup';

const iconCache = new Map<string, L.DivIcon>();

export function incidentIcon(status: string, category: string, opts: { pulse?: boolean; size?: number } = {}): L.DivIcon {
  const size = opts.size ?? 30;
  const key = `${status}|${category}|${opts.pulse ? 1 : 0}|${size}`;
  const cached = iconCache.get(key);
  if (cached) return cached;
  const color = STATUS_COLOURS[status] ?? '#111827';
  const glyph = categoryIconMarkup(category, Math.round(size * 0.58));
  const icon = L.divIcon({
    className: `incident-marker${opts.pulse ? ' incident-marker--pulse' : ''}`,
    html: `<span style="display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px;border-radius:50%;background:${color};border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5);color:#fff">${glyph}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  iconCache.set(key, icon);
  return icon;
}

export function postIcon(agencyColor: string, size = 18): L.DivIcon {
  const key = `post|${agencyColor}|${size}`;
  const cached = iconCache.get(key);
  if (cached) return cached;
  const icon = L.divIcon({
    className: 'agency-post-marker',
    html: `<span style="display:block;width:${size}px;height:${size}px;border-radius:3px;background:${agencyColor};border:2px solid #fff;box-shadow:0 1px 3px rgba(0,0,0,.5)"></span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
  iconCache.set(key, icon);
  return icon;
}
