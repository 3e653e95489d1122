'use client';
/** The incident's priority as a coloured word. */
import { useT } from '@/lib/i18n/use-t';
import type { Enums } from '@/lib/supabase/database.types';

const CLASSES: Record<string, string> = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-500 text-white',
  medium: 'bg-amber-200 text-amber-950',
  low: 'bg-slate-200 text-slate-800',
};

export function PriorityBadge({ priority }: { priority: Enums<'incident_priority'> }) {
  const { t } = useT();
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${CLASSES[priority]}`} data-test="priority" data-priority={priority}>
      {t(`opd.priority.${priority}`)}
    </span>
  );
}
