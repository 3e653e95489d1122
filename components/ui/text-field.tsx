/** Labelled text input. */
import type { InputHTMLAttributes } from 'react';

export function TextField({ label, id, className = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string }) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        id={id}
        className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 placeholder:text-slate-500 focus:border-sky-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-50"
        {...props}
      />
    </div>
  );
}
