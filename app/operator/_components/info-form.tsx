'use client';
/** An information call: the short answer given, then the call ends (Enter ends it, Shift+Enter breaks the line). */
import { problemKey, type FormProblem } from '@/lib/domain/form-problems';
import { INFO_NOTE_MAX } from '@/lib/domain/info-note-validation';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';

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
      <TextAreaField
        id="info-note"
        label={t('operator.info.note')}
        rows={3}
        autoFocus
        data-test="info-note"
        value={note}
        maxLength={INFO_NOTE_MAX}
        error={problem ? t(problemKey(problem)) : undefined}
        errorTest="problem-info-note"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <Button type="submit" disabled={busy} data-test="info-submit" className="self-start bg-sky-700 hover:bg-sky-800">
        {t('operator.info.submit')}
      </Button>
    </form>
  );
}
