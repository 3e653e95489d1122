/**
 * Status colours and category glyphs for markup rendered outside the map (board cards, lists,
 * the report). The same values as marker-icons.ts, which cannot be imported there: it loads
 * Leaflet, which touches `window` and breaks server rendering.
 */
export const STATUS_COLOURS: Readonly<Record<string, string>> = {
  reported: '#dc2626',
  dispatched: '#ea580c',
  acknowledged: '#ca8a04',
  on_scene: '#2563eb',
  resolved: '#16a34a',
  closed: '#6b7280',
  cancelled: '#9ca3af',
};

export const CATEGORY_GLYPHS: Readonly<Record<string, string>> = {
  fire: '🔥',
  medical: '✚',
  traffic_accident: '🚗',
  crime: '🚨',
  disaster: '🌊',
  flood: '🌊',
  industrial_accident: '🏭',
  rescue: '🛟',
  public_order: '⚖',
  other: '❗',
};
