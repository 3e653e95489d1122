/**
 * Button primitive with the few variants the control room needs. Variants name what a button does
 * (danger: cancel, withdraw; success: complete, close; warning: go on despite a warning), so a colour
 * means the same on every screen. Sizes: `sm` for the dense panels of the dispatch desk, `md` the
 * default, `lg` and `xl` for the liaison's phone, where a thumb in the field must hit the target at
 * once (at least 44 px, WCAG 2.5.5); `xl` is for the one step that matters most on a screen.
 * `buttonClasses` gives links that act as buttons (navigation, tel:) the same look.
 */
import type { ButtonHTMLAttributes, Ref } from 'react';

const VARIANTS = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 active:bg-brand-800',
  secondary:
    'border border-slate-400 bg-white text-slate-950 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-50 dark:hover:bg-slate-800',
  ghost: 'text-inherit hover:bg-white/15',
  danger: 'bg-red-700 text-white hover:bg-red-800 active:bg-red-900',
  dangerOutline: 'border border-red-600 bg-white text-red-800 hover:bg-red-50',
  success: 'bg-emerald-700 text-white hover:bg-emerald-800 active:bg-emerald-900',
  warning: 'bg-amber-500 text-slate-950 hover:bg-amber-400 active:bg-amber-600',
  accent: 'bg-blue-700 text-white hover:bg-blue-800 active:bg-blue-900',
  neutral: 'bg-slate-800 text-white hover:bg-slate-900',
} as const;

// Font weight lives here rather than in the base so that no two classes of one property compete.
const SIZES = {
  sm: 'min-h-7 rounded px-2 py-1 text-xs font-semibold',
  md: 'min-h-10 rounded-md px-4 py-2 text-sm font-semibold',
  lg: 'min-h-12 rounded-lg px-3 py-2 text-base font-bold',
  xl: 'min-h-14 rounded-lg px-3 py-2 text-xl font-bold',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

export function buttonClasses({ variant = 'primary', size = 'md', className = '' }: ButtonStyle = {}): string {
  return `inline-flex items-center justify-center gap-2 transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${SIZES[size]} ${VARIANTS[variant]} ${className}`.trim();
}

export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyle & { ref?: Ref<HTMLButtonElement> }) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
