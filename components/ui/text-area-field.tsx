/** Labelled multi-line text, the TextField of notes, reasons and answers (components/ui/field-frame.tsx). */
import type { TextareaHTMLAttributes } from 'react';
import { FIELD_CONTROL_CLASSES, FieldFrame, type FieldMessages } from './field-frame';

export function TextAreaField({
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
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldMessages & { label: string; id: string; 'data-test'?: string }) {
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
      {(control) => <textarea className={FIELD_CONTROL_CLASSES[density]} {...props} {...control} />}
    </FieldFrame>
  );
}
