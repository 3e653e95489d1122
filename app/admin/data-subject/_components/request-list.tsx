'use client';
/**
 * The requests about the searched number, latest received first: the day each was received, when it
 * was recorded, the law's answer deadline where it sets one (lib/domain/data-subject-deadline.ts),
 * and its answer form: saved with the version the screen showed, so a second admin's answer is a
 * conflict and not overwritten.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { answerDataSubjectRequest, type DataSubjectRequest } from '@/lib/data/data-protection';
import { ANSWER_MAX, parseDataSubjectAnswer } from '@/lib/domain/data-subject-input';
import { answerDeadline, isOverdue } from '@/lib/domain/data-subject-deadline';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Language } from '@/lib/i18n/languages';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

function AnswerForm({ request }: { request: DataSubjectRequest }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [answer, setAnswer] = useState(request.answer ?? '');
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function save() {
    const parsed = parseDataSubjectAnswer(answer);
    if (!parsed.ok) {
      setNotice({ kind: 'error', message: t(workflowErrorKey(parsed.problem)) });
      return;
    }
    const saved = await run(() => answerDataSubjectRequest(createClient(), request.id, parsed.value, request.version), t('admin.dsr.answer.saved'));
    if (saved) startTransition(() => router.refresh());
  }

  return (
    <form
      className="flex flex-col gap-2"
      data-test="dsr-answer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <TextAreaField
        id={`dsr-answer-${request.id}`}
        label={t('admin.dsr.answer.label')}
        rows={2}
        maxLength={ANSWER_MAX}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        data-test="dsr-answer"
      />
      <div>
        <Button type="submit" size="sm" disabled={busy} data-test="dsr-answer-save">
          {busy ? t('admin.dsr.answer.saving') : t('admin.dsr.answer.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The WIB day YYYY-MM-DD as the screen writes dates. */
function day(value: string, lang: Language): string {
  return formatDate(`${value}T00:00:00+07:00`, lang);
}

/** `nowMs` is the server's render time, so whether a request is overdue reads the same on both sides. */
export function RequestList({ requests, nowMs }: { requests: readonly DataSubjectRequest[]; nowMs: number }) {
  const { t, lang } = useT();
  if (requests.length === 0) return <p className="text-sm text-slate-600">{t('admin.dsr.none')}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {requests.map((r) => {
        const deadline = answerDeadline(r.kind, r.received_on);
        const overdue = isOverdue(deadline, r.answered_at, nowMs);
        return (
          <li
            key={r.id}
            className="flex flex-col gap-2 rounded border border-slate-200 p-3"
            data-test="dsr-request"
            data-request-id={r.id}
            data-answered={r.answered_at !== null}
            data-version={r.version}
            data-received-on={r.received_on}
          >
            <p className="text-sm">
              <span className="font-semibold">{t(`admin.dsr.kind.${r.kind}`)}</span> · {r.requester} ·{' '}
              <span data-test="dsr-request-received">
                {t('admin.dsr.requests.received', { on: day(r.received_on, lang), at: formatDateTime(r.received_at, lang) })}
              </span>
            </p>
            {deadline ? (
              <p className={`text-xs ${overdue ? 'font-semibold text-red-700' : 'text-slate-700'}`} data-test="dsr-request-deadline" data-last-day={deadline.lastDay} data-overdue={overdue}>
                {t('admin.dsr.requests.deadline', { day: day(deadline.lastDay, lang) })}
                {overdue ? ` ${t('admin.dsr.requests.overdue')}` : ''}
              </p>
            ) : null}
            {r.details ? <p className="whitespace-pre-line break-words text-sm text-slate-700">{r.details}</p> : null}
            <p className="text-xs font-semibold text-slate-600" data-test="dsr-request-state">
              {r.answered_at ? t('admin.dsr.requests.answered', { at: formatDateTime(r.answered_at, lang) }) : t('admin.dsr.requests.open')}
            </p>
            <AnswerForm key={r.version} request={r} />
          </li>
        );
      })}
    </ul>
  );
}
