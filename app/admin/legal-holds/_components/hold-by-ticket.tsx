'use client';
/**
 * Finds the incident of a ticket number through legal_hold_incident (admins read no incident
 * themselves), shows what it is, and offers the hold form for it.
 */
import { useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { findHoldIncident, type HoldIncident } from '@/lib/data/data-protection';
import { parseTicket } from '@/lib/domain/legal-hold-input';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { writeFailureMessage } from '@/lib/data/write-result';
import { formatDateTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { LegalHoldPlaceForm } from '@/components/incidents/legal-hold-place-form';

export function HoldByTicket() {
  const { t, lang } = useT();
  const [ticket, setTicket] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [found, setFound] = useState<HoldIncident | null>(null);

  async function find() {
    setFound(null);
    const parsed = parseTicket(ticket);
    if (!parsed.ok) {
      setProblem(t(workflowErrorKey(parsed.problem)));
      return;
    }
    setBusy(true);
    try {
      const result = await findHoldIncident(createClient(), parsed.value);
      if (!result.ok) setProblem(writeFailureMessage(result.failure, t));
      else if (!result.data) setProblem(t('admin.holds.find.notFound', { ticket: parsed.value }));
      else {
        setProblem(null);
        setFound(result.data);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-2"
        data-test="hold-find-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <TextField
          id="hold-ticket"
          label={t('admin.holds.find.ticket')}
          placeholder="112-20261201-0042"
          maxLength={30}
          value={ticket}
          onChange={(e) => setTicket(e.target.value)}
          data-test="hold-ticket"
        />
        <Button type="submit" variant="secondary" disabled={busy} data-test="hold-find">
          {busy ? t('admin.holds.find.searching') : t('admin.holds.find.submit')}
        </Button>
      </form>
      {problem ? (
        <p role="alert" className="text-sm font-semibold text-red-700" data-test="hold-find-problem">
          {problem}
        </p>
      ) : null}
      {found ? (
        <div className="flex flex-col gap-3 rounded border border-slate-200 p-3" data-test="hold-found" data-incident-id={found.id}>
          <p className="font-semibold">
            {t('admin.holds.find.found', {
              ticket: found.ticket_no,
              category: t(`dispatch.category.${found.category}`),
              status: t(`dispatch.status.${found.status}`),
              at: formatDateTime(found.reported_at, lang),
            })}
          </p>
          <LegalHoldPlaceForm key={found.id} incidentId={found.id} ticketNo={found.ticket_no} />
        </div>
      ) : null}
    </div>
  );
}
