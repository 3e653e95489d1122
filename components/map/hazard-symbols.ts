/**
 * How each hazard kind looks on the map, chosen to be told apart without tiles: a colour, an outline
 * pattern for areas (solid industry, dashed flood, dotted tsunami) and an icon from the one icon library.
 */
import { Anchor, Bomb, FlaskConical, Flame, Hospital, Milestone, School, Waves, Droplets, Zap, type LucideIcon } from 'lucide-react';
import type { HazardKind } from '@/lib/domain/hazards';

export interface HazardStyle {
  color: string;
  icon: LucideIcon;
  fillOpacity: number;
  dashArray?: string;
}

export const HAZARD_STYLES: Readonly<Record<HazardKind, HazardStyle>> = {
  industrial_chemical: { color: '#7e22ce', icon: FlaskConical, fillOpacity: 0.3 },
  industrial_explosion: { color: '#b91c1c', icon: Bomb, fillOpacity: 0.35 },
  industrial_fire: { color: '#c2410c', icon: Flame, fillOpacity: 0.25 },
  power_plant: { color: '#854d0e', icon: Zap, fillOpacity: 0.3 },
  port: { color: '#0f766e', icon: Anchor, fillOpacity: 0 },
  toll_gate: { color: '#334155', icon: Milestone, fillOpacity: 0 },
  hospital: { color: '#be123c', icon: Hospital, fillOpacity: 0 },
  school: { color: '#4338ca', icon: School, fillOpacity: 0 },
  flood_prone_kelurahan: { color: '#1d4ed8', icon: Droplets, fillOpacity: 0.2, dashArray: '6 4' },
  tsunami_zone: { color: '#0e7490', icon: Waves, fillOpacity: 0.14, dashArray: '2 5' },
};
