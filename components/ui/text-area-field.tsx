/** Labelled multi-line text, the TextField of notes, reasons and answers (components/ui/field-frame.tsx). */
import type { TextareaHTMLAttributes } from 'react';
import { FIELD_CONTROL_CLASSES, FieldFrame, splitFieldProps, type FieldProps } from './field-frame';

export function TextAreaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const { frame, control } = splitFieldProps(props);
  return <FieldFrame {...frame}>{(ids) => <textarea className={FIELD_CONTROL_CLASSES[frame.density]} {...control} {...ids} />}</FieldFrame>;
}
