/**
 * The one colour scale of an SLA result (the colour rule of lib/domain/sla.ts) for every screen:
 * a tinted badge with a matching border on the light screens, solid blocks on the wall's dark ground
 * so they read from across the room, and coloured text only on the printed report, which may come
 * out of a black-and-white printer and must not waste toner on backgrounds.
 */
import type { SlaColour } from '@/lib/domain/sla';

export type SlaSurface = 'light' | 'wall' | 'print';

const SCALE: Record<SlaColour | 'none', Record<SlaSurface, string>> = {
  within: {
    light: 'border-emerald-500 bg-emerald-100 text-emerald-900',
    wall: 'bg-emerald-700 text-white',
    print: 'text-emerald-800',
  },
  warning: {
    light: 'border-amber-500 bg-amber-100 text-amber-950',
    wall: 'bg-amber-400 text-slate-950',
    print: 'text-amber-800',
  },
  breached: {
    light: 'border-red-600 bg-red-100 text-red-900',
    wall: 'bg-red-600 text-white',
    print: 'font-semibold text-red-800',
  },
  none: {
    light: 'border-slate-300 bg-slate-100 text-slate-700',
    wall: 'bg-slate-700 text-slate-100',
    print: 'text-slate-500',
  },
};

/** Tailwind classes of a colour (null: no target, or not started) on a surface. */
export function slaClasses(colour: SlaColour | null | undefined, surface: SlaSurface = 'light'): string {
  return SCALE[colour ?? 'none'][surface];
}
