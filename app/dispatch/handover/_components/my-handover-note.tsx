'use client';
/**
 * My note for the change that ends the current shift: written once, rewritten (version-checked)
 * until an incoming supervisor acknowledges it, then shown read-only with who acknowledged it.
 */
import { useState, type FormEvent } from 'react';
import type { Db } from '@/lib/data/db';
import { writeHandover } from '@/lib/data/handover';
import { writeFailureMessage } from '@/lib/data/write-result';
import { HANDOVER_NOTE_MAX } from '@/lib/domain/handover';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import type { HandoverRow } from '@/lib/realtime/use-live-handovers';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { HandoverCounts } from './handover-cards';

export function MyHandoverNote({ client, mine }: { client: Db; mine: HandoverRow | null }) {
  const { t } = useT();
  // The text typed here; null = not edited yet, so the saved note (live) shows.
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const text = draft ?? mine?.note ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const note = text.trim();
    if (!note) return setProblem(t('handover.mine.required'));
    if (note.length > HANDOVER_NOTE_MAX) return setProblem(t('handover.mine.tooLong', { max: HANDOVER_NOTE_MAX }));
    setBusy(true);
    setProblem(null);
    const result = await writeHandover(client, note, mine?.version);
    setBusy(false);
    if (result.ok) setDraft(null);
    else setProblem(writeFailureMessage(result.failure, t));
  };

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-300 p-3" data-test="handover-mine" aria-labelledby="handover-mine-title">
      <h2 id="handover-mine-title" className="font-bold">
        {t('handover.mine.title')}
      </h2>
      {mine?.acknowledged_at ? (
        <>
          <p className="whitespace-pre-wrap text-sm" data-test="handover-mine-note">
            {mine.note}
          </p>
          <HandoverCounts handover={mine} />
          <Alert tone="info" data-test="handover-mine-acknowledged">
            {t('handover.mine.acknowledged', { name: mine.incoming?.full_name ?? t('handover.unknownUser'), at: formatTime(mine.acknowledged_at) })}
          </Alert>
        </>
      ) : (
        <form className="flex flex-col gap-2" onSubmit={(e) => void submit(e)} data-test="handover-form" noValidate>
          <p className="text-sm text-slate-700">{t('handover.mine.hint')}</p>
          <TextAreaField
            id="handover-note"
            label={t('handover.mine.label')}
            density="desk"
            rows={6}
            maxLength={HANDOVER_NOTE_MAX}
            value={text}
            onChange={(e) => setDraft(e.target.value)}
            data-test="handover-note"
          />
          {problem && (
            <Alert tone="error" data-test="handover-problem">
              {problem}
            </Alert>
          )}
          {mine && (
            <>
              <p className="text-xs text-slate-700" data-test="handover-mine-saved">
                {t('handover.mine.saved', { at: formatTime(mine.written_at) })}
              </p>
              <HandoverCounts handover={mine} />
            </>
          )}
          <div>
            <Button type="submit" size="md" disabled={busy} data-test="handover-save">
              {busy ? t('handover.mine.saving') : mine ? t('handover.mine.update') : t('handover.mine.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
