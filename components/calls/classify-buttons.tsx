'use client';
/**
 * The four classifications as large buttons, each with its key shown: one click or one keystroke
 * classifies a call (the keys are handled by the console, see commandForKey).
 */
import { CLASSIFY_KEYS } from '@/lib/domain/console-keys';
import type { CallType } from '@/lib/domain/workflow';
import { useT } from '@/lib/i18n/use-t';
import { eachOnce } from '@/lib/domain/value-lists';

// Display order; every call type exactly once (compile-checked).
const ORDER = eachOnce<CallType>()(['ghost', 'prank', 'info', 'emergency']);

const STYLE: Record<CallType, string> = {
  ghost: 'bg-slate-600 hover:bg-slate-700 text-white',
  prank: 'bg-violet-700 hover:bg-violet-800 text-white',
  info: 'bg-sky-700 hover:bg-sky-800 text-white',
  emergency: 'bg-red-700 hover:bg-red-800 text-white',
};

export function ClassifyButtons({
  current,
  disabled,
  onClassify,
}: {
  current: CallType | null;
  disabled: boolean;
  onClassify: (callType: CallType) => void;
}) {
  const { t } = useT();
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4" role="group" aria-label={t('operator.classify.label')}>
      {ORDER.map((type) => (
        <button
          key={type}
          type="button"
          disabled={disabled}
          aria-pressed={current === type}
          aria-keyshortcuts={CLASSIFY_KEYS[type].map((k) => k.toUpperCase()).join(' ')}
          data-test={`classify-${type}`}
          onClick={() => onClassify(type)}
          className={`flex min-h-16 flex-col items-center justify-center rounded-lg px-3 py-2 text-lg font-bold shadow-sm transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${STYLE[type]} ${current === type ? 'ring-4 ring-amber-400' : ''}`}
        >
          <span>{t(`operator.type.${type}`)}</span>
          <kbd className="mt-1 rounded bg-black/25 px-1.5 text-xs font-semibold">
            {CLASSIFY_KEYS[type].map((k) => k.toUpperCase()).join(' ')}
          </kbd>
        </button>
      ))}
    </div>
  );
}
