/**
 * Status colours and category glyphs of incidents, for the map markers and for markup outside the
 * map (board cards, lists, the report). Kept free of Leaflet, which touches `window` and would break
 * server rendering of those.
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
