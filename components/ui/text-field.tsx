/** Labelled text input, with an optional hint and error (components/ui/field-frame.tsx). */
import type { InputHTMLAttributes } from 'react';
import { FIELD_CONTROL_CLASSES, FieldFrame, splitFieldProps, type FieldProps } from './field-frame';

export function TextField(props: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const { frame, control } = splitFieldProps(props);
  return <FieldFrame {...frame}>{(ids) => <input className={FIELD_CONTROL_CLASSES[frame.density]} {...control} {...ids} />}</FieldFrame>;
}
