/** Labelled text input, with an optional hint and error (components/ui/field-frame.tsx). */
import type { InputHTMLAttributes } from 'react';
import { FIELD_CONTROL_CLASSES, FieldFrame, type FieldMessages } from './field-frame';

export function TextField({
  label,
  id,
  className = '',
  hint,
  error,
  errorTest,
  density = 'form',
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & FieldMessages & { label: string; id: string; 'data-test'?: string }) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      errorTest={errorTest}
      density={density}
      className={className}
      describedBy={describedBy}
      invalid={invalid === undefined ? undefined : invalid === true || invalid === 'true'}
    >
      {(control) => <input className={FIELD_CONTROL_CLASSES[density]} {...props} {...control} />}
    </FieldFrame>
  );
}
