/**
 * The legal-hold panel of /incidents/[id] (issue #22), for supervisors and admins (the roles that
 * may place and lift holds; nothing for anyone else): the incident's holds and, while none is
 * active, the form to place one. Reads through legal_hold_list, which refuses other roles too.
 */
import type { AppRole } from '@/lib/domain/workflow';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { listHolds } from '@/lib/data/data-protection';
import { LegalHoldList } from './legal-hold-list';
import { LegalHoldPlaceForm } from './legal-hold-place-form';

export async function LegalHoldPanel({ incidentId, ticketNo, role }: { incidentId: string; ticketNo: string; role: AppRole }) {
  if (role !== 'supervisor' && role !== 'admin') return null;
  const { t } = await getT();
  const holds = await listHolds(await createClient(), incidentId);
  const held = holds.some((h) => h.active);
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3" data-test="legal-hold-panel" data-held={held}>
      <h2 className="font-semibold">{t('holds.panel.title')}</h2>
      {holds.length === 0 ? <p className="text-sm text-slate-600">{t('holds.panel.none')}</p> : <LegalHoldList holds={holds} showTicket={false} />}
      {held ? null : (
        <>
          <h3 className="text-sm font-semibold">{t('holds.place.title')}</h3>
          <LegalHoldPlaceForm incidentId={incidentId} ticketNo={ticketNo} />
        </>
      )}
    </section>
  );
}
