'use client';
/** Cancel an open incident with a reason (unfinished assignments are withdrawn by the database). */
import { useState } from 'react';
import { useT } from '@/lib/i18n/use-t';

export interface IncidentCancelFormProps {
  busy: boolean;
  /** Resolves true when the incident was cancelled. */
  onCancel: (reason: string) => Promise<boolean>;
}

export function IncidentCancelForm({ busy, onCancel }: IncidentCancelFormProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className="rounded border border-red-600 px-3 py-1 text-sm text-red-700" onClick={() => setOpen(true)} data-test="cancel-open">
        {t('dispatch.cancel.open')}
      </button>
    );
  }
  return (
    <form
      className="flex flex-col gap-1 rounded border border-red-300 bg-red-50 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onCancel(reason).then((ok) => ok && setOpen(false));
      }}
      data-test="cancel-form"
    >
      <label className="text-xs font-semibold" htmlFor="cancel-reason">
        {t('dispatch.cancel.reason')}
      </label>
      <textarea
        id="cancel-reason"
        className="rounded border border-slate-300 p-1 text-sm"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        data-test="cancel-reason"
      />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-red-700 px-2 py-1 text-xs font-semibold text-white disabled:opacity-50" data-test="cancel-submit">
          {busy ? t('dispatch.form.busy') : t('dispatch.cancel.submit')}
        </button>
        <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => setOpen(false)}>
          {t('dispatch.form.cancel')}
        </button>
      </div>
    </form>
  );
}
