'use client';
/**
 * The run cards (rencana respons), live: per incident category, the lead and supporting agency kinds
 * that the dispatch ranking follows at once. Each save is an audited admin RPC with the version seen.
 */
import { useState } from 'react';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import { setRunCard, type RunCardRow } from '@/lib/data/admin-config';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveRunCards } from '@/lib/realtime/use-live-run-cards';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';
import { RunCardEditor } from './run-card-row';
import type { RunCardHint } from '@/lib/data/dispatch-accuracy';

const ORDER = Constants.public.Enums.incident_category;
const byCategory = (a: RunCardRow, b: RunCardRow) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category);

export function RunCardsScreen({ hints = [] }: { hints?: readonly RunCardHint[] }) {
  const { t } = useT();
  const [client] = useState(createClient);
  const cards = useLiveRunCards(client);
  const { busy, notice, run } = useAdminWrite(cards.refresh);

  const save = (card: RunCardRow, lead: Enums<'agency_kind'>[], support: Enums<'agency_kind'>[]) =>
    void run(() => setRunCard(client, card, lead, support));

  return (
    <div className="flex flex-col gap-3" data-test="run-cards-screen">
      <div className="flex items-center gap-3">
        <ConnectionStatus status={cards.status} />
        <p className="text-sm text-slate-600">{t('admin.runCards.hint')}</p>
      </div>
      <AdminNoticeLine notice={notice} />
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="p-2">{t('admin.runCards.category')}</th>
            <th className="p-2">{t('admin.runCards.lead')}</th>
            <th className="p-2">{t('admin.runCards.support')}</th>
            <th className="p-2" />
          </tr>
        </thead>
        <tbody>
          {[...cards.rows].sort(byCategory).map((card) => (
            // A new version (saved here or by another admin) starts the row from what is stored.
            <RunCardEditor key={`${card.category}:${card.version}`} card={card} busy={busy} onSave={save} hints={hints.filter((h) => h.category === card.category)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
