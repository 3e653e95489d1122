'use client';
/**
 * The hazard layer's toggles and legend, a small button in the map's top-right corner that opens
 * one checkbox per group with the group's symbols. Clicks and scrolls stay in the control, so
 * toggling never picks a location or zooms the map.
 */
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import { Layers } from 'lucide-react';
import { GROUP_OF_KIND, HAZARD_GROUPS, HAZARD_KINDS, type HazardGroup } from '@/lib/domain/hazards';
import type { HazardToggles } from '@/lib/domain/hazard-toggles';
import { useT } from '@/lib/i18n/use-t';
import { HAZARD_STYLES } from './hazard-symbols';

export interface HazardLayerControlProps {
  toggles: HazardToggles;
  ready: boolean;
  dark: boolean;
  onChange: (group: HazardGroup, on: boolean) => void;
}

export function HazardLayerControl({ toggles, ready, dark, onChange }: HazardLayerControlProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    L.DomEvent.disableClickPropagation(ref.current);
    L.DomEvent.disableScrollPropagation(ref.current);
  }, []);
  const panel = dark ? 'bg-slate-900/90 text-slate-100 border-slate-600' : 'bg-white/95 text-slate-900 border-slate-300';
  return (
    <div className="leaflet-top leaflet-right" style={{ pointerEvents: 'none' }}>
      <div ref={ref} className={`leaflet-control rounded border text-xs shadow ${panel}`} style={{ pointerEvents: 'auto' }} data-test="hazard-control" data-ready={String(ready)}>
        <button
          type="button"
          className="flex items-center gap-1 px-2 py-1 font-semibold"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-test="hazard-control-button"
        >
          <Layers className="h-3.5 w-3.5" aria-hidden="true" focusable={false} />
          {t('hazard.layer.button')}
        </button>
        {open && (
          <fieldset className="border-t px-2 py-1" data-test="hazard-control-panel">
            <legend className="sr-only">{t('hazard.layer.title')}</legend>
            {HAZARD_GROUPS.map((group) => (
              <label key={group} className="flex items-center gap-1.5 py-0.5">
                <input type="checkbox" checked={toggles[group]} disabled={!ready} onChange={(e) => onChange(group, e.target.checked)} data-test="hazard-toggle" data-group={group} />
                <span className="flex gap-0.5" aria-hidden="true">
                  {HAZARD_KINDS.filter((k) => GROUP_OF_KIND[k] === group).map((k) => {
                    const { icon: Icon, color } = HAZARD_STYLES[k];
                    return (
                      <span key={k} className="inline-flex h-4 w-4 items-center justify-center rounded-sm" style={{ background: color }}>
                        <Icon className="h-3 w-3" color="#fff" strokeWidth={2.25} />
                      </span>
                    );
                  })}
                </span>
                {t(`hazard.group.${group}`)}
              </label>
            ))}
            <p className="mt-1 max-w-[14rem] text-[10px] opacity-75">{t('hazard.layer.note')}</p>
          </fieldset>
        )}
      </div>
    </div>
  );
}
