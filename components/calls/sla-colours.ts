/** Tailwind classes and words for the SLA colours of lib/domain/sla.ts, shared by the call components. */
import type { SlaColour } from '@/lib/domain/sla';

export const SLA_CLASSES: Record<SlaColour | 'none', string> = {
  within: 'bg-emerald-100 text-emerald-900 border-emerald-500',
  warning: 'bg-amber-100 text-amber-950 border-amber-500',
  breached: 'bg-red-100 text-red-900 border-red-600',
  none: 'bg-slate-100 text-slate-500 border-slate-300',
};
