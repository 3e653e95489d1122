/** Tailwind classes of the SLA colours (within / warning / breached) shared by cards, timers and the report. */
import type { SlaColour } from '@/lib/domain/sla';

export const SLA_CLASSES: Record<SlaColour | 'none', string> = {
  within: 'bg-emerald-100 text-emerald-900 border-emerald-300',
  warning: 'bg-amber-100 text-amber-900 border-amber-400',
  breached: 'bg-red-100 text-red-900 border-red-400',
  none: 'bg-slate-100 text-slate-700 border-slate-300',
};
