'use client';
/**
 * The call-back list of the operator console: ghost and abandoned calls that have a number, oldest
 * first. An operator rings the number and records what happened; no answer and busy keep the row for
 * another try. "Reached, an emergency" records the outcome and opens the new call in the console
 * (the database starts it under a key the console then continues), so the emergency is taken with
 * the same form and timers as any call. Keyboard: Tab to a row's button, arrows in the outcome
 * choices, Enter saves, Escape closes the form.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { newCallKey } from '@/lib/domain/call-key';
import { CALLBACK_OUTCOMES, callbackNote, NUISANCE_TEXT_MAX, type CallbackOutcome } from '@/lib/domain/nuisance';
import type { Db } from '@/lib/data/db';
import { recordCallback } from '@/lib/data/nuisance';
import { writeFailureMessage } from '@/lib/data/write-result';
import { formatDateTime } from '@/lib/i18n/format';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { useLiveCallbacks, type CallbackRow } from '@/lib/realtime/use-live-callbacks';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export interface CallbackListProps {
  client: Db;
  /** Whether the console may open a new call now (no call on the line). */
  canStartCall: boolean;
  onEmergency: (key: string, callerPhone: string) => void;
}

export function CallbackList({ client, canStartCall, onEmergency }: CallbackListProps) {
  const { t, lang } = useT();
  const live = useLiveCallbacks(client);
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  return (
    <section className="flex flex-col gap-2" data-test="callbacks-panel" aria-labelledby="callbacks-title">
      <h2 id="callbacks-title" className="flex items-center gap-2 font-bold">
        {t('nuisance.callbacks.title')}
        <span className="rounded bg-slate-200 px-1.5 text-xs" data-test="callbacks-count">
          {live.rows.length}
        </span>
        <ConnectionStatus status={live.status} />
      </h2>
      {live.error && <Alert tone="error">{t('nuisance.loadError')}</Alert>}
      {saved && (
        <p className="text-xs text-emerald-800" role="status" data-test="callback-saved">
          {t('nuisance.callbacks.saved')}
        </p>
      )}
      {live.rows.length === 0 ? (
        <p className="text-sm text-slate-600" data-test="callbacks-empty">
          {t('nuisance.callbacks.empty')}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {live.rows.map((row) => (
            <li
              key={row.id}
              className="rounded border border-slate-300 p-2 text-sm"
              data-test="callback-row"
              data-callback-id={row.id}
              data-call-id={row.call_id}
              data-reason={row.reason}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-semibold" data-test="callback-phone">
                  {row.call?.caller_phone ?? '–'}
                </span>
                <span className="rounded bg-slate-100 px-1.5 text-xs">{t(`nuisance.reason.${row.reason}`)}</span>
                <span className="text-xs text-slate-600">{formatDateTime(row.call_received_at, lang)}</span>
              </div>
              {row.attempts > 0 && row.last_outcome && (
                <p className="text-xs text-slate-700" data-test="callback-attempts">
                  {t(pluralKey('nuisance.callbacks.attempts', row.attempts, lang), { count: row.attempts, outcome: t(`nuisance.outcome.${row.last_outcome}`) })}
                </p>
              )}
              {open === row.id ? (
                <CallbackForm
                  client={client}
                  row={row}
                  canStartCall={canStartCall}
                  onDone={(outcome, key) => {
                    setOpen(null);
                    setSaved(true);
                    if (outcome === 'reached_emergency' && key && row.call?.caller_phone) onEmergency(key, row.call.caller_phone);
                  }}
                  onCancel={() => setOpen(null)}
                />
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  className="mt-1"
                  data-test="callback-record"
                  onClick={() => {
                    setSaved(false);
                    setOpen(row.id);
                  }}
                >
                  {t('nuisance.callbacks.record')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CallbackForm({
  client,
  row,
  canStartCall,
  onDone,
  onCancel,
}: {
  client: Db;
  row: CallbackRow;
  canStartCall: boolean;
  onDone: (outcome: CallbackOutcome, newCallKey: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!outcome) return setProblem(t('nuisance.callbacks.chooseOutcome'));
    if (outcome === 'reached_emergency' && !canStartCall) return setProblem(t('nuisance.callbacks.onCall'));
    const checked = callbackNote(note);
    if (!checked.ok) return setProblem(t('nuisance.callbacks.noteTooLong'));
    const key = outcome === 'reached_emergency' ? newCallKey() : undefined;
    setBusy(true);
    setProblem(null);
    const result = await recordCallback(client, row, outcome, checked.value, key);
    setBusy(false);
    if (!result.ok) return setProblem(writeFailureMessage(result.failure, t));
    onDone(outcome, key);
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
  };

  return (
    <form className="mt-2 flex flex-col gap-2" onSubmit={submit} onKeyDown={onKeyDown} data-test="callback-form" noValidate>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-semibold">{t('nuisance.callbacks.outcome')}</legend>
        {CALLBACK_OUTCOMES.map((o, i) => (
          <label key={o} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              autoFocus={i === 0}
              onChange={() => setOutcome(o)}
              data-test={`callback-outcome-${o}`}
            />
            {t(`nuisance.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-xs font-semibold" htmlFor={`${id}-note`}>
        {t('nuisance.callbacks.note')}
      </label>
      <input
        id={`${id}-note`}
        className="rounded border border-slate-400 px-2 py-1 text-sm"
        value={note}
        maxLength={NUISANCE_TEXT_MAX}
        onChange={(e) => setNote(e.target.value)}
        data-test="callback-note"
      />
      {problem && (
        <p className="text-sm text-red-800" role="alert" data-test="callback-problem">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy} data-test="callback-save">
          {busy ? t('nuisance.callbacks.saving') : t('nuisance.callbacks.save')}
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          {t('nuisance.callbacks.cancel')}
        </Button>
      </div>
    </form>
  );
}
