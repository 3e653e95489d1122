'use client';
/** Records a data-subject request about the searched number: kind, requester and a note. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { recordDataSubjectRequest } from '@/lib/data/data-protection';
import {
  DATA_SUBJECT_REQUEST_KINDS,
  DETAILS_MAX,
  REQUESTER_MAX,
  parseDataSubjectRequest,
  type DataSubjectRequestKind,
} from '@/lib/domain/data-subject-input';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

export function RecordRequestForm({ phone }: { phone: string }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [kind, setKind] = useState<DataSubjectRequestKind>('access');
  const [requester, setRequester] = useState('');
  const [details, setDetails] = useState('');
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function record() {
    const parsed = parseDataSubjectRequest({ kind, requester, details });
    if (!parsed.ok) {
      setNotice({ kind: 'error', message: t(workflowErrorKey(parsed.problem)) });
      return;
    }
    const saved = await run(() => recordDataSubjectRequest(createClient(), phone, parsed.value), t('admin.dsr.record.recorded'));
    if (saved) {
      setRequester('');
      setDetails('');
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
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
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
      </div>
      <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
        {t('admin.dsr.record.details')}
        <textarea
          rows={2}
          maxLength={DETAILS_MAX}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
          data-test="dsr-details"
        />
      </label>
      <div>
        <Button type="submit" disabled={busy} data-test="dsr-record">
          {busy ? t('admin.dsr.record.recording') : t('admin.dsr.record.submit')}
        </Button>
      </div>
    </form>
  );
}
