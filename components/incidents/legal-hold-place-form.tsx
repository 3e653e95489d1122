'use client';
/**
 * Places a legal hold on one incident: a reason and the last WIB day it lasts, checked on the screen
 * as place_legal_hold will (reason 3–500 characters, a day after today within five years), then sent;
 * a refusal is the database's, translated. The screen is read again after a hold is placed.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { serverClockNowMs } from '@/lib/realtime/server-clock';
import { placeLegalHold } from '@/lib/data/data-protection';
import { HOLD_REASON_MAX, parsePlaceHold, wibToday, type HoldProblem } from '@/lib/domain/legal-hold-input';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { formatDateTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '@/app/admin/_components/admin-notice-line';
import { useAdminWrite } from '@/app/admin/_components/use-admin-write';

const DAY_MS = 86_400_000;

export function LegalHoldPlaceForm({ incidentId, ticketNo }: { incidentId: string; ticketNo: string }) {
  const { t, lang } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [openedAt] = useState(() => serverClockNowMs());
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [problems, setProblems] = useState<Partial<Record<'reason' | 'expiresOn', HoldProblem>>>({});
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function place() {
    const parsed = parsePlaceHold({ reason, expiresOn }, serverClockNowMs());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      const first = parsed.problems.reason ?? parsed.problems.expiresOn;
      if (first) setNotice({ kind: 'error', message: t(workflowErrorKey(first)) });
      return;
    }
    setProblems({});
    const { reason: text, expiresAt } = parsed.value;
    const placed = await run(
      () => placeLegalHold(createClient(), incidentId, text, expiresAt),
      t('holds.place.placed', { ticket: ticketNo, until: formatDateTime(expiresAt, lang) }),
    );
    if (placed) {
      setReason('');
      setExpiresOn('');
      startTransition(() => router.refresh());
    }
  }

  return (
    <form
      className="flex flex-col gap-3"
      data-test="hold-place-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void place();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
        <div className="flex flex-col gap-1">
          <TextField
            id={`hold-reason-${incidentId}`}
            label={t('holds.place.reason')}
            placeholder={t('holds.place.reasonPlaceholder')}
            maxLength={HOLD_REASON_MAX}
            aria-invalid={problems.reason !== undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-test="hold-reason"
          />
          {problems.reason ? (
            <p className="text-xs font-semibold text-red-700" data-test="problem-reason">
              {t(workflowErrorKey(problems.reason))}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <TextField
            id={`hold-expires-${incidentId}`}
            type="date"
            label={t('holds.place.expiresOn')}
            min={wibToday(openedAt + DAY_MS)}
            aria-invalid={problems.expiresOn !== undefined}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            data-test="hold-expires"
          />
          {problems.expiresOn ? (
            <p className="text-xs font-semibold text-red-700" data-test="problem-expiresOn">
              {t(workflowErrorKey(problems.expiresOn))}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy} data-test="hold-place">
          {busy ? t('holds.place.placing') : t('holds.place.submit')}
        </Button>
      </div>
    </form>
  );
}
