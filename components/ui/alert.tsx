/** Message box announced to screen readers; `error` for failures the user must act on. */
import type { HTMLAttributes } from 'react';

const TONES = {
  error: 'border-brand-600 bg-brand-50 text-brand-800',
  info: 'border-sky-600 bg-sky-50 text-sky-900',
} as const;

export function Alert({ tone = 'info', className = '', ...props }: HTMLAttributes<HTMLDivElement> & { tone?: keyof typeof TONES }) {
  return <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 text-sm font-medium ${TONES[tone]} ${className}`} {...props} />;
}
