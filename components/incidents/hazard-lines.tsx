'use client';
/**
 * The hazards and vital objects an incident is inside or near, one short line each ("300 m dari
 * kawasan industri kimia"), for the queue card, the drawer, the OPD detail and the operator's form.
 * The feature's own name and source are in the line's title. Renders nothing when nothing is near.
 */
import { useMemo } from 'react';
import { TriangleAlert } from 'lucide-react';
import { HAZARDS } from '@/lib/domain/hazard-catalog';
import { describeProximity, hazardsNear } from '@/lib/domain/hazard-proximity';
import { useT } from '@/lib/i18n/use-t';

export interface HazardLinesProps {
  lat: number;
  lng: number;
  /** `compact` fits the queue card (inline elements only: the card is a button). */
  variant?: 'compact' | 'block';
  className?: string;
}

export function HazardLines({ lat, lng, variant = 'block', className = '' }: HazardLinesProps) {
  const { t, lang } = useT();
  const near = useMemo(() => hazardsNear({ lat, lng }, HAZARDS), [lat, lng]);
  if (near.length === 0) return null;
  const lines = near.map((n) => ({ id: n.hazard.id, kind: n.hazard.kind, inside: n.inside, text: describeProximity(n, t, lang), title: `${n.hazard.name} — ${n.hazard.source}` }));
  if (variant === 'compact') {
    return (
      <span className={`flex flex-col text-[11px] text-amber-900 ${className}`} data-test="hazard-lines">
        {lines.map((l) => (
          <span key={l.id} className="flex items-center gap-1" title={l.title} data-test="hazard-line" data-kind={l.kind} data-inside={String(l.inside)}>
            <TriangleAlert className="h-3 w-3 shrink-0" aria-hidden="true" focusable={false} />
            {l.text}
          </span>
        ))}
      </span>
    );
  }
  return (
    <section className={`rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 ${className}`} data-test="hazard-lines" aria-label={t('hazard.lines.label')}>
      <ul>
        {lines.map((l) => (
          <li key={l.id} className="flex items-center gap-1" title={l.title} data-test="hazard-line" data-kind={l.kind} data-inside={String(l.inside)}>
            <TriangleAlert className="h-3.5 w-3.5 shrink-0" aria-hidden="true" focusable={false} />
            {l.text}
          </li>
        ))}
      </ul>
      <p className="text-[10px] text-amber-800">{t('hazard.lines.approximate')}</p>
    </section>
  );
}
