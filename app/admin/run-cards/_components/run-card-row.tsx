'use client';
/**
 * One run card: the lead and supporting agency kinds of a category, chosen with checkboxes. A kind
 * is lead or support, never both (ticking one clears the other), and a card keeps at least one lead.
 */
import { useState } from 'react';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import type { RunCardRow } from '@/lib/data/admin-config';
import { sameKinds } from '@/lib/domain/admin-config-validation';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import type { RunCardHint } from '@/lib/data/dispatch-accuracy';

type Kind = Enums<'agency_kind'>;
const KINDS = Constants.public.Enums.agency_kind;

export interface RunCardRowProps {
  card: RunCardRow;
  busy: boolean;
  onSave: (card: RunCardRow, lead: Kind[], support: Kind[]) => void;
  /** The agencies' answers for this category: who was often not needed. */
  hints?: readonly RunCardHint[];
}

export function RunCardEditor({ card, busy, onSave, hints = [] }: RunCardRowProps) {
  const { t } = useT();
  const [lead, setLead] = useState<Kind[]>(() => [...card.lead_kinds]);
  const [support, setSupport] = useState<Kind[]>(() => [...card.support_kinds]);
  const changed = !sameKinds(lead, card.lead_kinds) || !sameKinds(support, card.support_kinds);

  function tick(list: 'lead' | 'support', kind: Kind, on: boolean) {
    const [set, other] = list === 'lead' ? [setLead, setSupport] : [setSupport, setLead];
    set((ks) => (on ? [...ks.filter((k) => k !== kind), kind] : ks.filter((k) => k !== kind)));
    if (on) other((ks) => ks.filter((k) => k !== kind));
  }

  const boxes = (list: 'lead' | 'support', chosen: readonly Kind[]) => (
    <div className="flex flex-wrap gap-x-3 gap-y-1">
      {KINDS.map((k) => (
        <label key={k} className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={chosen.includes(k)}
            onChange={(e) => tick(list, k, e.target.checked)}
            data-test={`run-card-${list}-${k}`}
          />
          {t(`agencyKind.${k}`)}
        </label>
      ))}
    </div>
  );

  return (
    <tr className="border-b border-slate-200 align-top" data-test="run-card" data-category={card.category} data-version={card.version}>
      <td className="p-2">
        <div className="font-semibold">{t(`dispatch.category.${card.category}`)}</div>
        {hints
          .filter((h) => h.notNeeded > 0)
          .sort((a, b) => b.notNeeded / b.answers - a.notNeeded / a.answers)
          .map((h) => (
            <p key={h.agency.id} className="mt-1 max-w-xs text-xs text-amber-900" data-test="run-card-hint" data-agency={h.agency.code}>
              {t('accuracy.hint.notNeeded', { agency: h.agency.name, notNeeded: h.notNeeded, answers: h.answers })}
            </p>
          ))}
      </td>
      <td className="p-2">{boxes('lead', lead)}</td>
      <td className="p-2">{boxes('support', support)}</td>
      <td className="p-2">
        <Button size="sm" disabled={busy || !changed || lead.length === 0} onClick={() => onSave(card, lead, support)} data-test="run-card-save">
          {t('admin.save')}
        </Button>
      </td>
    </tr>
  );
}
