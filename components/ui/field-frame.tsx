/**
 * The frame every labelled form control shares (TextField, TextAreaField): the label tied to the
 * control by `id`, an optional hint and an optional error under it, both read out with the control
 * (`aria-describedby` = `<id>-hint`, `<id>-problem`), and the control marked invalid while an error
 * shows. `form` is the look of the full-width forms, `desk` the compact one of the dispatch panels.
 */
import type { AriaAttributes, ReactNode } from 'react';

export type FieldDensity = 'form' | 'desk';

export interface FieldMessages {
  /** Guidance under the control. */
  hint?: ReactNode;
  /** The field's problem; shown in red and marks the control invalid. */
  error?: ReactNode;
  /** `data-test` of the error line. */
  errorTest?: string;
  density?: FieldDensity;
}

/** What the frame gives its control: the ids that tie it to the label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
}

export const FIELD_CONTROL_CLASSES: Record<FieldDensity, string> = {
  form: 'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal text-slate-950 placeholder:text-slate-500 focus:border-sky-600 aria-[invalid=true]:border-red-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-50',
  desk: 'rounded border border-slate-300 bg-white px-2 py-1 text-sm font-normal placeholder:text-slate-500 aria-[invalid=true]:border-red-600',
};

const LOOK: Record<FieldDensity, { frame: string; label: string; hint: string; error: string }> = {
  form: {
    frame: 'flex flex-col gap-1',
    label: 'text-sm font-semibold text-slate-800 dark:text-slate-200',
    hint: 'text-xs text-slate-600',
    error: 'text-sm font-semibold text-red-700',
  },
  desk: {
    frame: 'flex flex-col gap-0.5',
    label: 'text-xs font-semibold',
    hint: 'text-xs text-slate-600',
    error: 'text-xs font-semibold text-red-700',
  },
};

/** What TextField and TextAreaField take beside their control's own attributes. */
export type FieldProps = FieldMessages & {
  label: string;
  id: string;
  className?: string;
  'data-test'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: AriaAttributes['aria-invalid'];
};

/** The frame's props as a field was given them. */
type FrameProps = Omit<Parameters<typeof FieldFrame>[0], 'children'> & { density: FieldDensity };

/**
 * Splits a field's props into the frame's (label, messages, look, the caller's own description and
 * verdict on validity) and the rest, which go to the control unchanged (data-test, limits, handlers).
 */
export function splitFieldProps<P extends FieldProps>(props: P): { frame: FrameProps; control: Omit<P, Exclude<keyof FieldProps, 'data-test'>> } {
  const { label, id, className = '', hint, error, errorTest, density = 'form', 'aria-describedby': describedBy, 'aria-invalid': invalid, ...control } = props;
  return {
    frame: { id, label, hint, error, errorTest, density, className, describedBy, invalid: invalid === undefined ? undefined : invalid === true || invalid === 'true' },
    control,
  };
}

export function FieldFrame({
  id,
  label,
  hint,
  error,
  errorTest,
  density = 'form',
  className = '',
  describedBy,
  invalid,
  children,
}: FieldMessages & {
  id: string;
  label: ReactNode;
  className?: string;
  /** Ids of further text about the control, kept beside the frame's own. */
  describedBy?: string;
  /** The caller's own verdict, when its problem shows outside the frame. */
  invalid?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const look = LOOK[density];
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const described = [describedBy, hint ? `${id}-hint` : null, hasError ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className={`${look.frame} ${className}`}>
      <label htmlFor={id} className={look.label}>
        {label}
      </label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': invalid ?? (hasError || undefined) })}
      {hint ? (
        <p id={`${id}-hint`} className={look.hint}>
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={`${id}-problem`} className={look.error} data-test={errorTest}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
