'use client';
/**
 * Legal holds as a table — ticket (on the admin's list), reason, until when, who placed it, its
 * state — with "Cabut…" on each active hold: a reason (3–500 characters) and lift_legal_hold.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { liftLegalHold, type LegalHoldRow } from '@/lib/data/data-protection';
import { parseHoldReason } from '@/lib/domain/legal-hold-input';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { formatDateTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '@/app/admin/_components/admin-notice-line';
import { useAdminWrite } from '@/app/admin/_components/use-admin-write';

type HoldState = 'active' | 'expired' | 'lifted';

function stateOf(hold: LegalHoldRow): HoldState {
  if (hold.lifted_at) return 'lifted';
  return hold.active ? 'active' : 'expired';
}

const STATE_TONE: Record<HoldState, string> = {
  active: 'bg-amber-100 text-amber-900',
  expired: 'bg-slate-200 text-slate-800',
  lifted: 'bg-slate-200 text-slate-800',
};

function LiftForm({ hold, onDone }: { hold: LegalHoldRow; onDone: () => void }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [reason, setReason] = useState('');
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function lift() {
    const parsed = parseHoldReason(reason);
    if (!parsed.ok) {
      setNotice({ kind: 'error', message: t(workflowErrorKey(parsed.problem)) });
      return;
    }
    const lifted = await run(() => liftLegalHold(createClient(), hold.id, parsed.value), t('holds.lift.lifted'));
    if (lifted) {
      onDone();
      startTransition(() => router.refresh());
    }
  }

  return (
    <form
      className="mt-2 flex flex-col gap-2"
      data-test="hold-lift-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void lift();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <TextField
        id={`hold-lift-${hold.id}`}
        label={t('holds.lift.reason')}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-test="hold-lift-reason"
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={busy} data-test="hold-lift-submit">
          {busy ? t('holds.lift.lifting') : t('holds.lift.submit')}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>
          {t('holds.lift.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function LegalHoldList({ holds, showTicket }: { holds: readonly LegalHoldRow[]; showTicket: boolean }) {
  const { t, lang } = useT();
  const [lifting, setLifting] = useState<string | null>(null);
  if (holds.length === 0) return <p className="text-sm text-slate-600" data-test="holds-empty">{t('holds.empty')}</p>;
  return (
    <table className="w-full text-left text-sm" data-test="holds-table">
      <thead>
        <tr className="border-b border-slate-300">
          {showTicket ? <th className="py-1 pr-3">{t('holds.col.ticket')}</th> : null}
          <th className="py-1 pr-3">{t('holds.col.reason')}</th>
          <th className="py-1 pr-3">{t('holds.col.until')}</th>
          <th className="py-1 pr-3">{t('holds.col.placed')}</th>
          <th className="py-1">{t('holds.col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {holds.map((hold) => {
          const state = stateOf(hold);
          return (
            <tr key={hold.id} className="border-b border-slate-100 align-top" data-test="hold-row" data-hold-id={hold.id} data-state={state} data-ticket={hold.ticket_no}>
              {showTicket ? <td className="py-1 pr-3 font-mono">{hold.ticket_no}</td> : null}
              <td className="py-1 pr-3 break-words" data-test="hold-reason-text">
                {hold.reason}
                {hold.lifted_at ? (
                  <p className="text-xs text-slate-600">
                    {t('holds.liftedBy', { name: hold.lifted_by_name ?? t('holds.system'), at: formatDateTime(hold.lifted_at, lang), reason: hold.lift_reason ?? '' })}
                  </p>
                ) : null}
              </td>
              <td className="py-1 pr-3 tabular-nums">{formatDateTime(hold.expires_at, lang)}</td>
              <td className="py-1 pr-3">{t('holds.placedBy', { name: hold.placed_by_name ?? t('holds.system'), at: formatDateTime(hold.placed_at, lang) })}</td>
              <td className="py-1">
                <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATE_TONE[state]}`}>{t(`holds.state.${state}`)}</span>
                {state === 'active' && lifting !== hold.id ? (
                  <Button type="button" size="sm" variant="dangerOutline" className="ml-2" onClick={() => setLifting(hold.id)} data-test="hold-lift-open">
                    {t('holds.lift.open')}
                  </Button>
                ) : null}
                {lifting === hold.id ? <LiftForm hold={hold} onDone={() => setLifting(null)} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
