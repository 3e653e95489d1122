'use client';
/** Declining an assignment needs a reason the supervisor reads before choosing another agency. */
import { useState, type FormEvent } from 'react';
import { useT } from '@/lib/i18n/use-t';

export function DeclineForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setProblem(true);
      return;
    }
    onSubmit(trimmed);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3" data-test="decline-form" noValidate>
      <h3 className="font-bold">{t('opd.decline.title')}</h3>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('opd.decline.reason')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={1000}
          placeholder={t('opd.decline.placeholder')}
          className="rounded-md border border-slate-400 p-2 text-base font-normal"
          data-test="decline-reason"
        />
      </label>
      {problem && (
        <p className="text-sm text-red-800" role="alert">
          {t('opd.decline.required')}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="min-h-12 flex-1 rounded-lg bg-slate-800 px-3 font-bold text-white" data-test="decline-submit">
          {t('opd.decline.submit')}
        </button>
        <button type="button" onClick={onCancel} className="min-h-12 rounded-lg border border-slate-400 px-3 font-semibold">
          {t('opd.report.cancel')}
        </button>
      </div>
    </form>
  );
}
