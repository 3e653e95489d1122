'use client';
/** An information call: the short answer given, then the call ends (Enter ends it, Shift+Enter breaks the line). */
import { problemKey, type FormProblem } from '@/lib/domain/form-problems';
import { INFO_NOTE_MAX } from '@/lib/domain/info-note-validation';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';

export function InfoForm({
  note,
  problem,
  busy,
  onChange,
  onSubmit,
}: {
  note: string;
  problem: FormProblem | null;
  busy: boolean;
  onChange: (note: string) => void;
  onSubmit: () => void;
}) {
  const { t } = useT();
  return (
    <form
      className="flex flex-col gap-2"
      data-test="info-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('operator.info.note')}
        <textarea
          autoFocus
          data-test="info-note"
          className="min-h-20 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          value={note}
          maxLength={INFO_NOTE_MAX}
          aria-invalid={!!problem}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              onSubmit();
            }
          }}
        />
      </label>
      {problem && (
        <p className="text-sm font-semibold text-red-700" data-test="problem-info-note">
          {t(problemKey(problem))}
        </p>
      )}
      <Button type="submit" disabled={busy} data-test="info-submit" className="self-start bg-sky-700 hover:bg-sky-800">
        {t('operator.info.submit')}
      </Button>
    </form>
  );
}
