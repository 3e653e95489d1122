/** SLA colours of the wall's timers on its dark background: readable from across the room. */
import type { SlaColour } from '@/lib/domain/sla';

export const WALL_SLA_CLASSES: Record<SlaColour | 'none', string> = {
  within: 'bg-emerald-700 text-white',
  warning: 'bg-amber-400 text-slate-950',
  breached: 'bg-red-600 text-white',
  none: 'bg-slate-700 text-slate-100',
};
