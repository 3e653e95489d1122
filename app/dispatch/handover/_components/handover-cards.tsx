'use client';
/**
 * A handover to acknowledge (its note as written, what it handed over, an optional acknowledgement
 * note) and an acknowledged one (who handed over to whom, when). Another supervisor acknowledging
 * first, or the writer changing the note meanwhile, comes back as a refusal shown on the card.
 */
import { useState, type FormEvent } from 'react';
import type { Db } from '@/lib/data/db';
import { acknowledgeHandover } from '@/lib/data/handover';
import { writeFailureMessage } from '@/lib/data/write-result';
import { ACKNOWLEDGEMENT_NOTE_MAX } from '@/lib/domain/handover';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import type { HandoverRow } from '@/lib/realtime/use-live-handovers';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';

type Counts = Pick<HandoverRow, 'open_incidents' | 'waiting_acknowledgements' | 'blocked_numbers'>;

export function HandoverCounts({ handover }: { handover: Counts }) {
  const { t } = useT();
  return (
    <p className="text-xs text-slate-700" data-test="handover-counts">
      {t('handover.counts', { open: handover.open_incidents, waiting: handover.waiting_acknowledgements, blocked: handover.blocked_numbers })}
    </p>
  );
}

export function PendingHandover({ client, handover }: { client: Db; handover: HandoverRow }) {
  const { t, lang } = useT();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (note.length > ACKNOWLEDGEMENT_NOTE_MAX) return setProblem(t('handover.ack.tooLong', { max: ACKNOWLEDGEMENT_NOTE_MAX }));
    setBusy(true);
    setProblem(null);
    const result = await acknowledgeHandover(client, handover, note.trim());
    setBusy(false);
    if (!result.ok) setProblem(writeFailureMessage(result.failure, t));
  };

  return (
    <article className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3" data-test="handover-pending-item" data-handover-id={handover.id}>
      <p className="text-xs text-slate-700">
        {t('handover.pending.from', {
          name: handover.outgoing?.full_name ?? t('handover.unknownUser'),
          change: formatDateTime(handover.change_at, lang),
          written: formatTime(handover.written_at),
        })}
      </p>
      <p className="whitespace-pre-wrap text-sm" data-test="handover-pending-note">
        {handover.note}
      </p>
      <HandoverCounts handover={handover} />
      <form className="flex flex-col gap-1" onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          id={`ack-${handover.id}`}
          label={t('handover.ack.label')}
          density="desk"
          rows={2}
          maxLength={ACKNOWLEDGEMENT_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-test="handover-ack-note"
        />
        {problem && (
          <Alert tone="error" data-test="handover-ack-problem">
            {problem}
          </Alert>
        )}
        <div>
          <Button type="submit" size="sm" variant="success" disabled={busy} data-test="handover-acknowledge">
            {busy ? t('handover.ack.saving') : t('handover.ack.submit')}
          </Button>
        </div>
      </form>
    </article>
  );
}

export function AcknowledgedHandover({ handover }: { handover: HandoverRow }) {
  const { t, lang } = useT();
  return (
    <article className="rounded border border-slate-200 p-2 text-sm" data-test="handover-acknowledged-item" data-handover-id={handover.id}>
      <p className="font-semibold">
        {t('handover.history.item', {
          from: handover.outgoing?.full_name ?? t('handover.unknownUser'),
          to: handover.incoming?.full_name ?? t('handover.unknownUser'),
          at: handover.acknowledged_at ? formatDateTime(handover.acknowledged_at, lang) : '',
        })}
      </p>
      <p className="whitespace-pre-wrap text-slate-800">{handover.note}</p>
      {handover.acknowledgement_note && <p className="whitespace-pre-wrap text-slate-700">{handover.acknowledgement_note}</p>}
    </article>
  );
}
