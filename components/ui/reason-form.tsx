'use client';
/**
 * A form that asks for one required text before a step that needs it: the reason to cancel or
 * decline, the closing summary, the field report. The text is required and trimmed here, so a blank
 * one never reaches the workflow function (which would refuse it); extra fields come as children, a
 * problem the caller finds in them comes back as `problem`. With `confirm` set, submitting first asks
 * to go ahead, and the caller learns that the person confirmed (the forced close is recorded so).
 * `desk` is the compact look of the dispatch drawer, `touch` the liaison's phone.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';
import { TextAreaField } from './text-area-field';

export interface ReasonFormTestIds {
  form: string;
  text: string;
  submit: string;
  problem?: string;
  confirm?: string;
  confirmSubmit?: string;
}

export interface ReasonFormProps {
  /** Heading of the form; the desk forms sit under their own and go without. */
  title?: string;
  label: string;
  placeholder?: string;
  maxLength: number;
  rows?: number;
  /** Shown when the text is empty or blank. */
  requiredMessage: string;
  /** A problem the caller found in the extra fields after a submit, shown where the required message is. */
  problem?: string | null;
  submitLabel: string;
  cancelLabel: string;
  busy?: boolean;
  busyLabel?: string;
  density?: 'desk' | 'touch';
  tone?: 'plain' | 'danger' | 'success';
  submitVariant?: ButtonVariant;
  /** Ask before submitting: the question and the label of the button that goes ahead. */
  confirm?: { message: string; confirmLabel: string } | null;
  test: ReasonFormTestIds;
  /** The trimmed text; `confirmed` when the person went through the confirm step. */
  onSubmit: (text: string, confirmed: boolean) => void;
  onCancel: () => void;
  /** Extra fields, between the text and the buttons. */
  children?: ReactNode;
}

const DENSITY = {
  desk: {
    form: 'flex flex-col gap-1 rounded p-2',
    title: 'text-sm font-semibold',
    field: 'desk',
    button: 'sm',
  },
  touch: {
    form: 'flex flex-col gap-3 rounded-lg p-3',
    title: 'font-bold',
    field: 'form',
    button: 'lg',
  },
} as const;

const TONE = {
  plain: 'border border-slate-300 bg-white',
  danger: 'border border-red-300 bg-red-50',
  success: 'border border-emerald-300 bg-emerald-50',
} as const;

export function ReasonForm({
  title,
  label,
  placeholder,
  maxLength,
  rows = 3,
  requiredMessage,
  problem = null,
  submitLabel,
  cancelLabel,
  busy = false,
  busyLabel,
  density = 'touch',
  tone = 'plain',
  submitVariant = 'primary',
  confirm = null,
  test,
  onSubmit,
  onCancel,
  children,
}: ReasonFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const look = DENSITY[density];
  const shownProblem = missing ? requiredMessage : problem;

  // The text stays editable while the question is shown, so it is checked again on going ahead.
  function send(confirmed: boolean) {
    const trimmed = text.trim();
    setMissing(trimmed === '');
    if (trimmed === '') return setConfirming(false);
    if (confirm && !confirmed) setConfirming(true);
    else onSubmit(trimmed, confirmed);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    send(false);
  }

  return (
    // noValidate: the required message below is ours, in the interface language, not the browser's.
    <form onSubmit={submit} className={`${look.form} ${TONE[tone]}`} data-test={test.form} noValidate>
      {title && <h3 className={look.title}>{title}</h3>}
      {/* The problem line stays below the extra fields: it may be about them, not about the text. */}
      <TextAreaField
        id={`${id}-text`}
        label={label}
        density={look.field}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        required
        aria-invalid={missing || undefined}
        aria-describedby={shownProblem ? `${id}-problem` : undefined}
        data-test={test.text}
      />
      {children}
      {shownProblem && (
        <p id={`${id}-problem`} className="text-sm text-red-800" role="alert" data-test={test.problem}>
          {shownProblem}
        </p>
      )}
      {confirming && confirm ? (
        <div className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" role="alertdialog" aria-labelledby={`${id}-confirm`} data-test={test.confirm}>
          <p id={`${id}-confirm`}>{confirm.message}</p>
          <div className="mt-1 flex gap-2">
            <Button variant="warning" size={look.button} disabled={busy} onClick={() => send(true)} data-test={test.confirmSubmit}>
              {confirm.confirmLabel}
            </Button>
            <Button variant="secondary" size={look.button} onClick={() => setConfirming(false)}>
              {cancelLabel}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <Button type="submit" variant={submitVariant} size={look.button} disabled={busy} className={density === 'touch' ? 'flex-1' : ''} data-test={test.submit}>
            {busy && busyLabel ? busyLabel : submitLabel}
          </Button>
          <Button variant="secondary" size={look.button} onClick={onCancel}>
            {cancelLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
