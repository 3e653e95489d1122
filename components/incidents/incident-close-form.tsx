'use client';
/**
 * Close the ticket with a summary. With agencies still unfinished it asks for an explicit
 * confirmation first; the database records that the close was forced.
 */
import { useState } from 'react';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';

export interface IncidentCloseFormProps {
  unfinished: number;
  busy: boolean;
  /** Resolves true when the ticket was closed. */
  onClose: (summary: string, force: boolean) => Promise<boolean>;
}

export function IncidentCloseForm({ unfinished, busy, onClose }: IncidentCloseFormProps) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (!open) {
    return (
      <button type="button" className="rounded bg-emerald-700 px-3 py-1 text-sm font-semibold text-white" onClick={() => setOpen(true)} data-test="close-open">
        {t('dispatch.close.open')}
      </button>
    );
  }
  const submit = (force: boolean) => {
    void onClose(summary, force).then((ok) => {
      if (ok) {
        setOpen(false);
        setConfirming(false);
      }
    });
  };
  return (
    <form
      className="flex flex-col gap-1 rounded border border-emerald-300 bg-emerald-50 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (unfinished > 0) setConfirming(true);
        else submit(false);
      }}
      data-test="close-form"
    >
      <label className="text-xs font-semibold" htmlFor="close-summary">
        {t('dispatch.close.summary')}
      </label>
      <textarea
        id="close-summary"
        className="rounded border border-slate-300 p-1 text-sm"
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        required
        data-test="close-summary"
      />
      {confirming ? (
        <div className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" role="alertdialog" data-test="close-confirm">
          <p>{t(pluralKey('dispatch.close.unfinished', unfinished, lang), { count: unfinished })}</p>
          <div className="mt-1 flex gap-2">
            <button type="button" disabled={busy} className="rounded bg-amber-700 px-2 py-1 text-xs font-semibold text-white" onClick={() => submit(true)} data-test="close-confirm-force">
              {t('dispatch.close.confirm')}
            </button>
            <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => setConfirming(false)}>
              {t('dispatch.form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <button type="submit" disabled={busy} className="rounded bg-emerald-700 px-2 py-1 text-xs font-semibold text-white disabled:opacity-50" data-test="close-submit">
            {busy ? t('dispatch.form.busy') : t('dispatch.close.submit')}
          </button>
          <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => setOpen(false)}>
            {t('dispatch.form.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
