/**
 * Status colours and category icons of incidents, for the map markers and for markup outside the
 * map (board cards, lists, the wall, the report). Kept free of Leaflet, which touches `window` and
 * would break server rendering of those.
 *
 * Category icons are lucide SVGs, not emoji: a wall PC or CI's Chromium without an emoji font shows
 * emoji as empty boxes. This is the ONE category → icon mapping; markers render the same component
 * to markup (category-icon-markup.ts), React views use <CategoryIcon> (components/ui/category-icon.tsx).
 */
import { CarFront, CircleAlert, Factory, Flame, HeartPulse, LifeBuoy, Scale, Siren, Tornado, Waves, type LucideIcon } from 'lucide-react';
import type { IncidentCategory } from '@/lib/domain/dispatch-agencies';

export type { IncidentCategory };



export const STATUS_COLOURS: Readonly<Record<string, string>> = {
  reported: '#dc2626',
  dispatched: '#ea580c',
  acknowledged: '#ca8a04',
  on_scene: '#2563eb',
  resolved: '#16a34a',
  closed: '#6b7280',
  cancelled: '#9ca3af',
};

export const CATEGORY_ICONS: Readonly<Record<IncidentCategory, LucideIcon>> = {
  fire: Flame,
  medical: HeartPulse,
  traffic_accident: CarFront,
  crime: Siren,
  flood: Waves,
  disaster: Tornado,
  industrial_accident: Factory,
  rescue: LifeBuoy,
  public_order: Scale,
  other: CircleAlert,
};

/** The icon of a category; unknown or missing categories get the `other` icon. */
export function categoryIcon(category: string | null | undefined): LucideIcon {
  return (category && Object.hasOwn(CATEGORY_ICONS, category) ? CATEGORY_ICONS[category as IncidentCategory] : null) ?? CATEGORY_ICONS.other;
}
