'use client';
/**
 * Records a data-subject request about the searched number: kind, requester, the WIB day it was
 * received (today unless the letter came earlier; one year back at most) and a note.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { serverClockNowMs } from '@/lib/realtime/server-clock';
import { recordDataSubjectRequest } from '@/lib/data/data-protection';
import {
  DATA_SUBJECT_REQUEST_KINDS,
  DETAILS_MAX,
  REQUESTER_MAX,
  oneYearBefore,
  parseDataSubjectRequest,
  parseReceivedOn,
  type DataSubjectRequestKind,
  type ReceivedOnProblem,
} from '@/lib/domain/data-subject-input';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

function receivedProblemKey(problem: ReceivedOnProblem): MessageKey {
  return problem === 'received_missing' ? 'admin.dsr.record.receivedMissing' : workflowErrorKey(problem);
}

/** `today` is the WIB day of the server's render, so the field's default is the same on both sides. */
export function RecordRequestForm({ phone, today }: { phone: string; today: string }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [kind, setKind] = useState<DataSubjectRequestKind>('access');
  const [requester, setRequester] = useState('');
  const [details, setDetails] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [receivedProblem, setReceivedProblem] = useState<ReceivedOnProblem | null>(null);
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function record() {
    const parsed = parseDataSubjectRequest({ kind, requester, details });
    if (!parsed.ok) {
      setNotice({ kind: 'error', message: t(workflowErrorKey(parsed.problem)) });
      return;
    }
    const received = parseReceivedOn(receivedOn, serverClockNowMs());
    setReceivedProblem(received.ok ? null : received.problem);
    if (!received.ok) {
      setNotice({ kind: 'error', message: t(receivedProblemKey(received.problem)) });
      return;
    }
    const saved = await run(
      () => recordDataSubjectRequest(createClient(), phone, parsed.value, received.value),
      t('admin.dsr.record.recorded'),
    );
    if (saved) {
      setRequester('');
      setDetails('');
      setReceivedOn(today);
      startTransition(() => router.refresh());
    }
  }

  return (
    <form
      className="flex flex-col gap-3"
      data-test="dsr-record-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr_14rem]">
        <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
          {t('admin.dsr.record.kind')}
          <select
            value={kind}
            onChange={(e) => setKind(DATA_SUBJECT_REQUEST_KINDS.find((k) => k === e.target.value) ?? 'access')}
            className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
            data-test="dsr-kind"
          >
            {DATA_SUBJECT_REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.dsr.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          id="dsr-requester"
          label={t('admin.dsr.record.requester')}
          maxLength={REQUESTER_MAX}
          value={requester}
          onChange={(e) => setRequester(e.target.value)}
          data-test="dsr-requester"
        />
        <TextField
          id="dsr-received-on"
          type="date"
          label={t('admin.dsr.record.receivedOn')}
          min={oneYearBefore(today)}
          max={today}
          required
          hint={t('admin.dsr.record.receivedHint')}
          error={receivedProblem ? t(receivedProblemKey(receivedProblem)) : undefined}
          errorTest="problem-receivedOn"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
          data-test="dsr-received-on"
        />
      </div>
      <TextAreaField
        id="dsr-details"
        label={t('admin.dsr.record.details')}
        rows={2}
        maxLength={DETAILS_MAX}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
        data-test="dsr-details"
      />
      <div>
        <Button type="submit" disabled={busy} data-test="dsr-record">
          {busy ? t('admin.dsr.record.recording') : t('admin.dsr.record.submit')}
        </Button>
      </div>
    </form>
  );
}
